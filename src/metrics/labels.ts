/**
 * Every label value becomes a time series in Prometheus, so only small closed sets may be label
 * values: carrier codes, outcome and failure kinds, anomaly codes. Anything else (a tracking
 * number passed by mistake, a carrier's free text) is folded into `other`, never exported.
 */
export const OTHER_LABEL = 'other';

/** Kinds are snake_case words without digits; tracking numbers nearly always carry digits. */
const KIND = /^[a-z][a-z_]{0,39}$/;
/** Carrier codes are short lowercase ASCII (STYLE: naming), `17track` included. */
const CARRIER = /^[a-z0-9]{2,20}$/;

export function kindLabel(value: string): string {
  return KIND.test(value) ? value : OTHER_LABEL;
}

/** With the list of known carriers, only those pass; without it, only the shape is checked. */
export function carrierLabel(value: string, known: ReadonlySet<string> | null): string {
  if (known) return known.has(value) ? value : OTHER_LABEL;
  return CARRIER.test(value) ? value : OTHER_LABEL;
}
