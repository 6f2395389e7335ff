/**
 * Sandbox tracking numbers: `SBX` + 2-digit scenario code + 7-digit serial + 1 check digit, 13
 * characters. The check digit is a mod-10 weighted sum (weights 3,1,3,1… from the left over the
 * nine digits), the same family as GS1 and several Turkish carriers' barcodes.
 */
export const SANDBOX_NUMBER_PATTERN = /^SBX\d{10}$/;

const SERIAL_MAX = 9_999_999;

/** The check digit of the nine digits after `SBX`. */
export function sandboxCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i += 1) {
    sum += Number(nineDigits[i]) * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** Builds a valid sandbox number for a scenario (0–99) and serial (0–9,999,999). */
export function sandboxTrackingNumber(scenario: number, serial: number): string {
  if (!Number.isInteger(scenario) || scenario < 0 || scenario > 99) {
    throw new RangeError('scenario must be an integer from 0 to 99');
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > SERIAL_MAX) {
    throw new RangeError(`serial must be an integer from 0 to ${SERIAL_MAX}`);
  }
  const digits = `${String(scenario).padStart(2, '0')}${String(serial).padStart(7, '0')}`;
  return `SBX${digits}${sandboxCheckDigit(digits)}`;
}

/** Pattern and check digit, no I/O. Input arrives normalised (uppercase, no spaces). */
export function recognisesSandboxNumber(trackingNumber: string): boolean {
  if (!SANDBOX_NUMBER_PATTERN.test(trackingNumber)) return false;
  return sandboxCheckDigit(trackingNumber.slice(3, 12)) === Number(trackingNumber[12]);
}

/** The scenario code a valid sandbox number encodes, or null for anything else. */
export function sandboxScenarioCode(trackingNumber: string): number | null {
  return recognisesSandboxNumber(trackingNumber) ? Number(trackingNumber.slice(3, 5)) : null;
}
