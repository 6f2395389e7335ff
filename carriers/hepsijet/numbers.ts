/**
 * HepsiJet's number is the shop's own `customerDeliveryNo`: the company's abbreviation code plus
 * unique digits, at most 16 upper-case letters and digits [1: HJ-A, research §6]. No check digit is
 * documented, so detection is the shape only and deliberately narrow: 2–5 letters, then 6–14
 * digits, 16 characters at most. Shops with another scheme register with `carrier: 'hepsijet'`.
 */
export const HEPSIJET_NUMBER_PATTERN = /^[A-Z]{2,5}[0-9]{6,14}$/;
export const HEPSIJET_NUMBER_MAX_LENGTH = 16;

/** Shape only, no I/O. Input arrives normalised (upper case, no spaces). */
export function recognisesHepsijetNumber(trackingNumber: string): boolean {
  return trackingNumber.length <= HEPSIJET_NUMBER_MAX_LENGTH && HEPSIJET_NUMBER_PATTERN.test(trackingNumber);
}

/**
 * Detection from a number alone: never. The number is the shop's own key, so any shape it has is
 * shared with other shops' keys and other carriers' numbers (the sandbox's SBX… for one); claiming
 * it would make every such number ambiguous. Shops register HepsiJet parcels with `carrier`.
 */
export function detectsHepsijetNumber(_trackingNumber: string): boolean {
  return false;
}
