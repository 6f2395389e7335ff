/**
 * Pure translation of a validated HepsiJet track answer for one barcode into an outcome: no I/O,
 * no clock, no logging. Codes are kept verbatim; times are read as Turkey local time.
 */
import { mapStatus, type CarrierEvent, type QueryKey, type TrackOutcome } from '../contract.js';
import { parseTurkishTime, TURKEY_TIME_ZONE } from '../local-time.js';
import { containsTurkish } from '../turkish-text.js';
import { HEPSIJET_FALLBACK_STATUS, HEPSIJET_STATUSES } from './statuses.js';
import { HEPSIJET_DATE_FORMATS, type HepsijetTrackDetail, type HepsijetTrackItem, type HepsijetTrackResponse } from './wire.js';

/**
 * Words HepsiJet's `message` uses when it does not know a barcode. The wording is not documented
 * (README, "Unverified"); matched with Turkish case folding.
 */
const NOT_FOUND_WORDS = ['bulunamad', 'kayıt yok', 'not found'] as const;
const AUTH_WORDS = ['token', 'yetki', 'unauthori'] as const;

/** The outcome for one requested barcode, from the answer to a request that carried only it. */
export function parseTrackAnswer(response: HepsijetTrackResponse, barcode: string, by: QueryKey): TrackOutcome {
  if (response.status === 'FAIL') return failOutcome(response);
  const items = response.data ?? [];
  if (items.length === 0) return { kind: 'not_found' };
  const echoed = items.filter((item) => item.customerDeliveryNo === barcode);
  const item = echoed.length === 1 ? echoed[0] : items.length === 1 ? items[0] : undefined;
  if (!item) return malformed('answer does not say which item is this number');
  if (item.customerDeliveryNo && item.customerDeliveryNo !== barcode) return malformed('answer is for another number');
  return parseTrackItem(item, barcode, by);
}

export function parseTrackItem(item: HepsijetTrackItem, barcode: string, by: QueryKey): TrackOutcome {
  const events: CarrierEvent[] = [];
  for (const [index, detail] of (item.details ?? []).entries()) {
    const event = parseDetail(detail);
    if (!event) return malformed(`unreadable transactionDate in detail ${index + 1}`);
    events.push(event);
  }
  return {
    kind: 'found',
    events,
    // customerDeliveryNo is both the shop's key and HepsiJet's number: asked by reference, the
    // same value becomes the tracking number.
    ...(by === 'reference' && { trackingNumber: barcode }),
  };
}

export function parseDetail(detail: HepsijetTrackDetail): CarrierEvent | null {
  const occurredAt = parseTurkishTime(detail.transactionDate, HEPSIJET_DATE_FORMATS);
  if (!occurredAt) return null;
  const { status, substatus } = mapStatus('hepsijet', HEPSIJET_STATUSES, detail.integrationStatus, HEPSIJET_FALLBACK_STATUS);
  return {
    occurredAt,
    localTime: detail.transactionDate,
    timeZone: TURKEY_TIME_ZONE,
    rawCode: detail.integrationStatus,
    // The documented detail carries no description or place: the code is the carrier's only word.
    rawText: detail.integrationStatus,
    location: { text: null, city: null, country: 'TR' },
    status,
    substatus,
  };
}

/** HTTP 200 with `status:"FAIL"`: the message decides; free text never reaches the detail. */
function failOutcome(response: HepsijetTrackResponse): TrackOutcome {
  const words = `${response.message ?? ''} ${response.detailStatus ?? ''}`;
  if (NOT_FOUND_WORDS.some((w) => containsTurkish(words, w))) return { kind: 'not_found' };
  if (AUTH_WORDS.some((w) => containsTurkish(words, w))) return { kind: 'failed', failure: { kind: 'auth' } };
  const code = response.detailStatus && /^[A-Z0-9_]{1,40}$/.test(response.detailStatus) ? ` ${response.detailStatus}` : '';
  return { kind: 'failed', failure: { kind: 'unavailable', detail: `carrier answered status FAIL${code}` } };
}

function malformed(detail: string): TrackOutcome {
  return { kind: 'failed', failure: { kind: 'malformed', detail } };
}
