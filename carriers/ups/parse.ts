/**
 * Pure translation of a validated UPS Track answer into one outcome: no I/O, no clock, no logging.
 * Codes and descriptions are kept verbatim and in UPS's order (newest first); ingest sorts.
 */
import { mapStatus, type CarrierEvent, type ProofOfDelivery, type StatusMapping, type TrackOutcome } from '../contract.js';
import { fromLocalIso, normaliseOffset, readLocalIso, type CarrierTime } from '../global-time.js';
import { UPS_ACTIVITY_TYPES, UPS_STATUSES, upsFallbackStatus } from './statuses.js';
import { UPS_NOT_FOUND_WARNING, type UpsActivity, type UpsPackage, type UpsShipment, type UpsStatus, type UpsTrackResponse } from './wire.js';

export function parseTrackResponse(body: UpsTrackResponse, inquiryNumber: string): TrackOutcome {
  const shipments = body.trackResponse.shipment;
  const shipment = shipments.find((s) => sameNumber(s.inquiryNumber, inquiryNumber)) ?? shipments[0];
  if (!shipment) return { kind: 'failed', failure: { kind: 'malformed', detail: 'trackResponse has no shipment' } };
  const packages = shipment.package ?? [];
  // An inquiry can name a multi-piece shipment: the package with the asked number leads.
  const pkg = packages.find((p) => sameNumber(p.trackingNumber, inquiryNumber)) ?? packages[0];
  if (!pkg) return withoutPackage(shipment);

  const events: CarrierEvent[] = [];
  for (const [index, activity] of (pkg.activity ?? []).entries()) {
    const event = parseActivity(activity);
    if (!event) return { kind: 'failed', failure: { kind: 'malformed', detail: `unreadable date or time in activity ${index + 1}` } };
    events.push(event);
  }
  const estimatedDelivery = estimateDelivery(pkg, events);
  const proofOfDelivery = readProofOfDelivery(pkg);
  return {
    kind: 'found',
    events,
    ...(estimatedDelivery !== undefined && { estimatedDelivery }),
    ...(proofOfDelivery !== undefined && { proofOfDelivery }),
  };
}

/** HTTP 200 without a package: TW0001 is UPS's "no information for this number" (research §0.4). */
function withoutPackage(shipment: UpsShipment): TrackOutcome {
  const codes = (shipment.warnings ?? []).map((w) => w.code?.trim() ?? '');
  if (codes.includes(UPS_NOT_FOUND_WARNING)) return { kind: 'not_found' };
  const code = codes.find((c) => SAFE_CODE.test(c));
  if (code !== undefined) return { kind: 'failed', failure: { kind: 'unavailable', detail: `carrier warned ${code} and sent no package` } };
  return { kind: 'failed', failure: { kind: 'malformed', detail: 'shipment has neither a package nor a warning' } };
}

/** Messages may echo the request: only a code-like code goes into a failure detail. */
export const SAFE_CODE = /^[A-Za-z0-9_.-]{1,40}$/;

function sameNumber(candidate: string | null | undefined, asked: string): boolean {
  const clean = (n: string) => n.replace(/\s+/g, '').toUpperCase();
  return candidate !== null && candidate !== undefined && clean(candidate) === clean(asked);
}

export function parseActivity(activity: UpsActivity): CarrierEvent | null {
  const time = activityTime(activity);
  if (!time) return null;
  const address = activity.location?.address;
  const city = address?.city?.trim() || null;
  const country = address?.countryCode?.trim() || address?.country?.trim() || null;
  const parts = [city, address?.stateProvince?.trim() || null, country].filter((p): p is string => p !== null);
  return {
    ...time,
    ...mapActivityStatus(activity.status),
    rawText: activity.status?.description ?? activity.status?.simplifiedTextDescription ?? '',
    location: { text: parts.length > 0 ? parts.join(', ') : null, city, country },
  };
}

/** The 3-digit statusCode decides; without one, the activity type; an unknown code keeps its type's hint. */
export function mapActivityStatus(status: UpsStatus | null | undefined): Pick<CarrierEvent, 'rawCode' | 'status' | 'substatus'> {
  const code = status?.statusCode?.trim() ?? '';
  const type = status?.type?.trim() ?? '';
  if (code !== '' || type === '') {
    const key = /^\d{1,3}$/.test(code) ? code.padStart(3, '0') : code;
    return { rawCode: code, ...mapStatus('ups', UPS_STATUSES, key, upsFallbackStatus(type)) };
  }
  const types: Readonly<Record<string, StatusMapping>> = UPS_ACTIVITY_TYPES;
  return { rawCode: type, ...mapStatus('ups', types, type, 'in_transit') };
}

/**
 * `date`+`time` are the local wall clock; `gmtDate`+`gmtTime` the UTC instant and `gmtOffset` the
 * local offset (research §0.1). The UTC pair wins when present; without an offset the offset is
 * the difference of the two clocks. Only a local clock with nothing else is UNKNOWN_TIME_ZONE.
 */
export function activityTime(activity: UpsActivity): CarrierTime | null {
  const rawLocal = joinRaw(activity.date, activity.time);
  const local = isoOf(activity.date, activity.time);
  const utc = isoOf(activity.gmtDate, activity.gmtTime);
  const offset = readOffset(activity.gmtOffset);
  const utcMs = utc === null ? null : readLocalIso(utc);
  if (utcMs !== null) {
    const localMs = local === null ? null : readLocalIso(local);
    const zone = offset ?? (localMs === null ? null : offsetBetween(localMs, utcMs));
    if (localMs !== null && zone !== null) return { occurredAt: new Date(utcMs), localTime: rawLocal, timeZone: zone };
    return { occurredAt: new Date(utcMs), localTime: joinRaw(activity.gmtDate, activity.gmtTime), timeZone: 'UTC' };
  }
  if (local === null) return null;
  const read = fromLocalIso(local, offset);
  return read && { ...read, localTime: rawLocal };
}

function joinRaw(...parts: (string | null | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' ');
}

/** `20210210` + `071356` / `74700` / `20:04:35` → `2021-02-10T07:13:56`; null when unreadable. */
export function isoOf(date: string | null | undefined, time: string | null | undefined): string | null {
  const d = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(date?.trim() ?? '');
  const t = readClock(time);
  if (!d || t === null) return null;
  const iso = `${d[1]}-${d[2]}-${d[3]}T${t}`;
  return readLocalIso(iso) === null ? null : iso;
}

/** `HHMMSS`, the spec's own 5-digit `74700` (a dropped leading zero), `HHMM`, `HH:MM[:SS]`. */
function readClock(time: string | null | undefined): string | null {
  const text = time?.trim() ?? '';
  const colon = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (colon) return `${colon[1]?.padStart(2, '0')}:${colon[2]}:${colon[3] ?? '00'}`;
  if (/^\d{5,6}$/.test(text)) {
    const six = text.padStart(6, '0');
    return `${six.slice(0, 2)}:${six.slice(2, 4)}:${six.slice(4, 6)}`;
  }
  if (/^\d{4}$/.test(text)) return `${text.slice(0, 2)}:${text.slice(2, 4)}:00`;
  return null;
}

function readOffset(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  if (!/^[+-]\d{2}:?\d{2}$/.test(trimmed)) return null;
  const normal = normaliseOffset(trimmed);
  const minutes = Number(normal.slice(1, 3)) * 60 + Number(normal.slice(4, 6));
  return minutes <= 14 * 60 ? normal : null;
}

/** The offset two clocks of one instant imply, when it is a real one (whole quarter hours, ±14 h). */
function offsetBetween(localMs: number, utcMs: number): string | null {
  const minutes = Math.round((localMs - utcMs) / 60_000);
  if (Math.abs(minutes) > 14 * 60 || minutes % 15 !== 0) return null;
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Window types whose `endTime` is a time the parcel is expected by (spec `DeliveryTime`). */
const WINDOW_TYPES = new Set(['EDW', 'CDW', 'IDW', 'CMT']);

/**
 * SDD (scheduled) or RDD (rescheduled, which wins) — never DEL, the actual delivery date
 * (research §2). UPS gives the window's end as a destination wall clock without offset, so it is
 * only added once the parcel is out for delivery, when its newest scan carries the destination's
 * offset; otherwise the estimate is the date alone.
 */
export function estimateDelivery(pkg: UpsPackage, events: readonly CarrierEvent[]): string | undefined {
  const dates = pkg.deliveryDate ?? [];
  const pick = (type: string) => dates.filter((d) => d.type?.trim().toUpperCase() === type && isoOf(d.date, '000000') !== null).at(-1);
  const chosen = pick('RDD') ?? pick('SDD');
  const day = chosen ? isoOf(chosen.date, '000000')?.slice(0, 10) : undefined;
  if (!day) return undefined;
  const window = pkg.deliveryTime;
  const end = window && WINDOW_TYPES.has(window.type?.trim().toUpperCase() ?? '') ? readClock(window.endTime) : null;
  const newest = [...events].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())[0];
  const offset = newest?.status === 'out_for_delivery' && /^[+-]\d{2}:\d{2}$/.test(newest.timeZone) ? newest.timeZone : null;
  return end !== null && offset !== null ? `${day}T${end}${offset}` : day;
}

/** `receivedBy`, and the signature image as a data URL when UPS sent a recognisable one. */
export function readProofOfDelivery(pkg: UpsPackage): ProofOfDelivery | undefined {
  const info = pkg.deliveryInformation;
  const receivedBy = info?.receivedBy?.trim();
  const signatureUrl = signatureDataUrl(info?.signature?.image);
  if (!receivedBy && !signatureUrl) return undefined;
  return { ...(receivedBy && { receivedBy }), ...(signatureUrl && { signatureUrl }) };
}

const IMAGE_SIGNATURES: readonly [string, string][] = [
  ['R0lGOD', 'image/gif'],
  ['iVBORw0KGgo', 'image/png'],
  ['/9j/', 'image/jpeg'],
];

function signatureDataUrl(image: string | null | undefined): string | undefined {
  const base64 = image?.replace(/\s+/g, '') ?? '';
  if (!/^[A-Za-z0-9+/]+=*$/.test(base64)) return undefined;
  const type = IMAGE_SIGNATURES.find(([magic]) => base64.startsWith(magic))?.[1];
  return type ? `data:${type};base64,${base64}` : undefined;
}
