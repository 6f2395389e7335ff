/**
 * Yurtiçi numbers (research carriers-tr.md §1 "Numbers & links", §0.4). The shop's `cargoKey` is
 * free text up to 20 characters and the carrier's `docId` format is not published, so neither can
 * be recognised by shape. The only documented hint is Trendyol's: a 13-digit cargoTrackingNumber
 * starting with 725 is Yurtiçi's (a hint, not a rule: §0.4). Detection stays that conservative;
 * other numeric numbers may belong to several carriers, so registration asks for `carrier`.
 */
export const YURTICI_TRENDYOL_PATTERN = /^725\d{10}$/;

/** Longest `cargoKey` Yurtiçi accepts. */
export const YURTICI_CARGO_KEY_MAX = 20;

/** Pattern only (no check digit is documented), no I/O. Input arrives normalised. */
export function recognisesYurticiNumber(trackingNumber: string): boolean {
  return YURTICI_TRENDYOL_PATTERN.test(trackingNumber);
}

/** Whether a shop key can be sent as a Yurtiçi cargoKey at all. */
export function isValidCargoKey(key: string): boolean {
  return key.length > 0 && key.length <= YURTICI_CARGO_KEY_MAX && key.trim() === key;
}
