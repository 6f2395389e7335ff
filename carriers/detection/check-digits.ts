/**
 * The check-digit algorithms tracking numbers use, as pure functions over digit strings (research
 * carriers-global.md §7–§9; sources per algorithm in test/fixtures/detection/README.md). Each
 * `…Valid` takes the whole number including its check digit and never throws.
 */

/** Digits, and not only zeros: an all-zero number passes most check digits but is nobody's. */
const DIGITS = /^(?!0+$)\d+$/;

function digitAt(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}

/**
 * GS1 mod 10 (EAN, SSCC, IMpb, FedEx Ground): weights 3,1,3,1… from the digit next to the check
 * digit leftwards; the check digit brings the sum to a multiple of ten.
 */
export function gs1CheckDigit(payload: string): number {
  let sum = 0;
  for (let i = payload.length - 1, weight = 3; i >= 0; i -= 1, weight = 4 - weight) sum += digitAt(payload, i) * weight;
  return (10 - (sum % 10)) % 10;
}

export function gs1Valid(digits: string): boolean {
  if (digits.length < 2 || !DIGITS.test(digits)) return false;
  return gs1CheckDigit(digits.slice(0, -1)) === digitAt(digits, digits.length - 1);
}

/** UPS turns letters into digits before its mod 10: A=2 … H=9, I=0 … R=9, S=0 … Z=7. */
function upsValue(char: string): number {
  const code = char.charCodeAt(0);
  return code >= 48 && code <= 57 ? code - 48 : (code - 3) % 10;
}

/**
 * UPS 1Z: over the 15 characters after `1Z`, odd positions count once, even positions twice
 * (from the left, 1-based); the check digit is what is left to the next multiple of ten.
 */
export function ups1zValid(number: string): boolean {
  if (!/^1Z[0-9A-Z]{15}\d$/.test(number) || /^1Z0+$/.test(number)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i += 1) sum += upsValue(number.charAt(2 + i)) * (i % 2 === 0 ? 1 : 2);
  return (10 - (sum % 10)) % 10 === digitAt(number, 17);
}

/**
 * UPS waybill numbers (a letter + 10 digits): the nine digits after the letter weighted 1,2,1,2…
 * from the left, mod 10 (tracking_number_data's "UPS Waybill").
 */
export function upsWaybillValid(number: string): boolean {
  if (!/^[AHJKTV]\d{10}$/.test(number) || !DIGITS.test(number.slice(1))) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += digitAt(number, 1 + i) * (i % 2 === 0 ? 1 : 2);
  return (10 - (sum % 10)) % 10 === digitAt(number, 10);
}

/**
 * FedEx Express: weights 1,3,7,1,3,7… from the digit next to the check digit leftwards; the
 * check digit is the sum mod 11, with 10 written as 0. Works on the 12-digit number and on the
 * 12 digits that end FedEx's 34-digit barcodes.
 */
export function fedexMod11Valid(digits: string): boolean {
  if (digits.length < 2 || !DIGITS.test(digits)) return false;
  const weights = [1, 3, 7];
  let sum = 0;
  for (let i = digits.length - 2, k = 0; i >= 0; i -= 1, k += 1) sum += digitAt(digits, i) * (weights[k % 3] ?? 1);
  return (sum % 11) % 10 === digitAt(digits, digits.length - 1);
}

/** DHL Express waybills: the number before the check digit, mod 7. */
export function mod7Valid(digits: string): boolean {
  if (digits.length < 2 || digits.length > 16 || !DIGITS.test(digits)) return false;
  return Number(digits.slice(0, -1)) % 7 === digitAt(digits, digits.length - 1);
}

/** UPU S10: weights 8,6,4,2,3,5,9,7 over the eight serial digits; 11 − sum mod 11, 10 → 0, 11 → 5. */
export function s10CheckDigit(serial: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += digitAt(serial, i) * (weights[i] ?? 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** Deutsche Post / DHL Paket Identcode (12 digits): weights 4,9,4,9… from the left, mod 10. */
export function identcodeValid(digits: string): boolean {
  if (digits.length !== 12 || !DIGITS.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 11; i += 1) sum += digitAt(digits, i) * (i % 2 === 0 ? 4 : 9);
  return (10 - (sum % 10)) % 10 === digitAt(digits, 11);
}
