/**
 * Pure translation of a DHL Unified answer into one outcome: no I/O, no clock, no logging. Status
 * texts are kept verbatim; times keep the offset DHL gave, or none (research §0.1: DHL event times
 * often have no offset, and a bare local time is never read as UTC).
 */
import { mapStatus, type CarrierEvent, type ProofOfDelivery, type TrackOutcome } from '../contract.js';
import { fromIsoAnyOffset, fromOffsetIso, readLocalIso } from '../global-time.js';
import { DHL_FALLBACK_STATUS, DHL_KEYWORDS, DHL_STATUS_CODES, DHL_STATUSES, type DhlKeyword } from './statuses.js';
import { dhlShipmentIdSchema, dhlShipmentSchema, type DhlEvent, type DhlShipment } from './wire.js';

/** Tracking numbers are compared without spaces and case: DHL prints them grouped (`JJD 0001 …`). */
export function sameTrackingNumber(a: string, b: string): boolean {
  const normal = (s: string) => s.replace(/\s+/g, '').toUpperCase();
  return normal(a) === normal(b);
}

/**
 * The shipment in `shipments[]` that is the one asked for. Without `service`, DHL may answer with
 * another division's shipment (the same parcel under that division's own number, research §1
 * [C]); that is not the number the shop registered, so it is not taken. Several matches (one id
 * known to two divisions) prefer the service the shop named, else the first.
 */
export function pickShipment(shipments: readonly unknown[], asked: string, service: string | undefined): unknown {
  const matches = shipments.filter((s) => {
    const id = dhlShipmentIdSchema.safeParse(s);
    return id.success && sameTrackingNumber(id.data.id, asked);
  });
  const sameService = matches.find((s) => service !== undefined && dhlShipmentIdSchema.parse(s).service === service);
  return sameService ?? matches[0];
}

/** Turns the picked shipment into an outcome; an unreadable shape fails only this number. */
export function parseShipment(raw: unknown): TrackOutcome {
  const parsed = dhlShipmentSchema.safeParse(raw);
  if (!parsed.success) {
    // Only the paths of the failing fields: the shipment holds names and addresses.
    const where = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].slice(0, 3).join(', ');
    return { kind: 'failed', failure: { kind: 'malformed', detail: `DHL shipment does not match the expected shape at ${where}` } };
  }
  const shipment = parsed.data;
  // Without an events list the shipment-level status is the only event DHL gave.
  const wireEvents = shipment.events?.length ? shipment.events : shipment.status ? [shipment.status] : [];
  const events: CarrierEvent[] = [];
  for (const [index, wire] of wireEvents.entries()) {
    const event = parseEvent(wire);
    if (!event) return { kind: 'failed', failure: { kind: 'malformed', detail: `unreadable timestamp in event ${index + 1}` } };
    events.push(event);
  }
  const estimatedDelivery = estimateOf(shipment);
  const proofOfDelivery = proofOf(shipment);
  return {
    kind: 'found',
    events,
    ...(estimatedDelivery !== undefined && { estimatedDelivery }),
    ...(proofOfDelivery !== undefined && { proofOfDelivery }),
  };
}

export function parseEvent(wire: DhlEvent): CarrierEvent | null {
  const time = fromIsoAnyOffset(wire.timestamp);
  if (!time) return null;
  const rawCode = dhlRawCode(wire.statusCode, wire.status, wire.description);
  const { status, substatus } = mapStatus('dhl', DHL_STATUSES, rawCode, DHL_FALLBACK_STATUS);
  const address = wire.location?.address;
  const locality = address?.addressLocality?.trim() || null;
  return {
    occurredAt: time.occurredAt,
    localTime: time.localTime,
    timeZone: time.timeZone,
    rawCode,
    rawText: textOf(wire.status, wire.description),
    location: {
      text: locality ?? (wire.location?.servicePoint?.label?.trim() || null),
      city: locality,
      country: address?.countryCode?.trim() || null,
    },
    status,
    substatus,
  };
}

const KEYWORD_PATTERNS = Object.entries(DHL_KEYWORDS).map(([keyword, phrases]) => ({
  keyword: keyword as DhlKeyword,
  // Whole words only, any case, any run of spaces (escaped for the `u` flag, where `\-` is invalid).
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.map(phrasePattern).join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
}));

function phrasePattern(phrase: string): string {
  return phrase
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
}

/**
 * `statusCode`, or `statusCode:keyword` when a keyword rule refines it (statuses.ts). A missing
 * `statusCode` (seen once in a third-party capture; the spec requires it) is read as DHL's own
 * `unknown` [I].
 */
export function dhlRawCode(statusCode: string | null | undefined, status: string | null | undefined, description: string | null | undefined): string {
  const code = statusCode?.trim() || 'unknown';
  if (!(DHL_STATUS_CODES as readonly string[]).includes(code)) return code;
  const text = [status, description].filter(Boolean).join(' ');
  for (const { keyword, pattern } of KEYWORD_PATTERNS) {
    const refined = `${code}:${keyword}`;
    if (Object.hasOwn(DHL_STATUSES, refined) && pattern.test(text)) return refined;
  }
  return code;
}

/** The title and the detail, without saying the same thing twice ("DELIVERED" / "DELIVERED - PARCEL LOCKER"). */
function textOf(status: string | null | undefined, description: string | null | undefined): string {
  const title = status?.trim() ?? '';
  const detail = description?.trim() ?? '';
  if (!title || detail.toLowerCase().includes(title.toLowerCase())) return detail || title;
  if (!detail || title.toLowerCase().includes(detail.toLowerCase())) return title;
  return `${title}: ${detail}`;
}

/**
 * `estimatedTimeOfDelivery`, else the end of `estimatedDeliveryTimeFrame`, as DHL gave it when it
 * carries an offset or is a bare date. An offset-less time is local to a place DHL does not name,
 * so only its date is kept (never a local time dressed as UTC).
 */
function estimateOf(shipment: DhlShipment): string | undefined {
  for (const text of [shipment.estimatedTimeOfDelivery, shipment.estimatedDeliveryTimeFrame?.estimatedThrough]) {
    const value = text?.trim();
    if (!value) continue;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value) && readLocalIso(`${value}T00:00:00`) !== null) return value;
    if (fromOffsetIso(value)) return value;
    if (readLocalIso(value) !== null) return value.slice(0, 10);
  }
  return undefined;
}

function proofOf(shipment: DhlShipment): ProofOfDelivery | undefined {
  const pod = shipment.details?.proofOfDelivery;
  if (!pod) return undefined;
  const signed = pod.signed;
  const fullName = [signed?.givenName?.trim(), signed?.familyName?.trim()].filter(Boolean).join(' ');
  const receivedBy = fullName || signed?.name?.trim() || undefined;
  const url = pod.signatureUrl?.trim();
  // karrio's sample holds the word "string" here: only a real http(s) link is worth showing.
  const signatureUrl = url && /^https?:\/\//i.test(url) && URL.canParse(url) ? url : undefined;
  if (receivedBy === undefined && signatureUrl === undefined) return undefined;
  return { ...(receivedBy !== undefined && { receivedBy }), ...(signatureUrl !== undefined && { signatureUrl }) };
}
