/**
 * Pure translation of a validated `queryShipment` answer into per-key outcomes: no I/O, no clock,
 * no logging (research carriers-tr.md §1). Movement rows (`invDocCargoVOArray`) become events with
 * their own times; the key's status fields (operationCode, returnStatus, rejectStatus) become
 * events too, because only they say "delivered" or "returned". Raw codes and texts stay verbatim;
 * times are Turkey local time read by the shared helper. Personal fields (receiverInfo…) are never
 * read, so they cannot reach an outcome.
 */
import { mapStatus, type CarrierEvent, type CarrierFailure, type TrackOutcome } from '../contract.js';
import { parseTurkishTime, TURKEY_TIME_ZONE } from '../local-time.js';
import { containsTurkish } from '../turkish-text.js';
import { YURTICI_FALLBACK_STATUS, YURTICI_STATUSES, yurticiFieldCode, type YurticiStatusField } from './statuses.js';
import {
  YURTICI_DATE_FORMAT,
  YURTICI_DATE_TIME_FORMAT,
  YURTICI_OUT_FLAG,
  YURTICI_REQUEST_ERROR_CODES,
  type YurticiWireDeliveryDetail,
  type YurticiWireItemDetail,
  type YurticiWireShippingDelivery,
} from './wire.js';

/** One outcome per requested key; a key the carrier left out fails on its own. */
export function parseShippingDelivery(vo: YurticiWireShippingDelivery, requested: readonly string[]): Map<string, TrackOutcome> {
  const requestLevel = requestFailure(vo);
  if (requestLevel) return new Map(requested.map((key) => [key, { kind: 'failed', failure: requestLevel }]));

  const byKey = new Map<string, YurticiWireDeliveryDetail>();
  for (const detail of vo.shippingDeliveryDetailVO) if (detail.cargoKey !== undefined) byKey.set(detail.cargoKey.trim(), detail);
  // A detail without its cargoKey can only be matched when the answer keeps the request's order and size.
  const byPosition = vo.shippingDeliveryDetailVO.length === requested.length ? vo.shippingDeliveryDetailVO : [];
  return new Map(
    requested.map((key, index): [string, TrackOutcome] => {
      const positional = byPosition[index];
      const detail = byKey.get(key) ?? (positional?.cargoKey === undefined ? positional : undefined);
      if (!detail) return [key, { kind: 'failed', failure: { kind: 'malformed', detail: 'key missing from carrier answer' } }];
      return [key, parseDeliveryDetail(detail)];
    }),
  );
}

/**
 * In-band request failures (research §0.5, §1): outFlag 2 is an unexpected error; outFlag 1 with
 * no per-key detail failed the whole request. How Yurtiçi words bad credentials is not documented:
 * an outResult naming the user, password or authorisation is read as `auth` (unverified).
 */
export function requestFailure(vo: YurticiWireShippingDelivery): CarrierFailure | null {
  const flag = vo.outFlag.trim();
  if (flag === YURTICI_OUT_FLAG.ok) return null;
  if (flag !== YURTICI_OUT_FLAG.allFailed && flag !== YURTICI_OUT_FLAG.unexpected) {
    return { kind: 'malformed', detail: 'unknown outFlag in carrier answer' };
  }
  const result = vo.outResult ?? '';
  if (['şifre', 'kullanıcı', 'yetki', 'password', 'user'].some((word) => containsTurkish(result, word))) return { kind: 'auth' };
  if (flag === YURTICI_OUT_FLAG.unexpected) return { kind: 'unavailable', detail: 'carrier reported an unexpected error (outFlag 2)' };
  if (vo.shippingDeliveryDetailVO.length === 0) return { kind: 'unavailable', detail: 'carrier failed every key without details (outFlag 1)' };
  return null;
}

export function parseDeliveryDetail(detail: YurticiWireDeliveryDetail): TrackOutcome {
  const errCode = detail.errCode?.trim();
  if (errCode !== undefined && errCode !== '0') {
    if (YURTICI_REQUEST_ERROR_CODES.includes(errCode)) {
      return { kind: 'failed', failure: { kind: 'malformed', detail: `carrier rejected the request (errCode ${errCode})` } };
    }
    // No errCode for "unknown key" is documented; Yurtiçi's messages say "bulunamadı" (not found).
    if (containsTurkish(detail.errMessage ?? '', 'bulunamad')) return { kind: 'not_found' };
    const code = /^[A-Za-z0-9_-]{1,20}$/.test(errCode) ? ` ${errCode}` : '';
    return { kind: 'failed', failure: { kind: 'unavailable', detail: `carrier error${code} for this key` } };
  }
  const item = detail.shippingDeliveryItemDetailVO;
  // operationCode 0 (NOP): Yurtiçi has the data but no scan and no time yet: known, nothing to show.
  if (!item) return { kind: 'found', events: [] };
  const events = itemEvents(detail, item);
  if (!Array.isArray(events)) return { kind: 'failed', failure: events };
  return { kind: 'found', events, ...(item.docId !== undefined && { trackingNumber: item.docId.trim() }) };
}

type Stamp = { localTime: string; occurredAt: Date };

/** `yyyyMMdd` + optional `HHmmss` (left-padded: Yurtiçi drops leading zeros). undefined = absent, null = unreadable. */
export function readStamp(date: string | undefined, time: string | undefined): Stamp | null | undefined {
  if (date === undefined) return undefined;
  const d = date.trim();
  const t = time?.trim();
  const occurredAt =
    t === undefined || t === ''
      ? /^\d{8}$/.test(d) ? parseTurkishTime(d, [YURTICI_DATE_FORMAT]) : null
      : /^\d{8}$/.test(d) && /^\d{1,6}$/.test(t) ? parseTurkishTime(`${d}${t.padStart(6, '0')}`, [YURTICI_DATE_TIME_FORMAT]) : null;
  if (!occurredAt) return null;
  return { localTime: t === undefined ? date : `${date} ${time ?? ''}`, occurredAt };
}

function itemEvents(detail: YurticiWireDeliveryDetail, item: YurticiWireItemDetail): CarrierEvent[] | CarrierFailure {
  const events: CarrierEvent[] = [];
  for (const [index, row] of item.invDocCargoVOArray.entries()) {
    const stamp = readStamp(row.eventDate, row.eventTime);
    if (!stamp) return { kind: 'malformed', detail: `unreadable date in movement ${index + 1}` };
    const { status, substatus } = mapStatus('yurtici', YURTICI_STATUSES, row.eventId, YURTICI_FALLBACK_STATUS.movement);
    const city = row.cityName?.trim() || null;
    const text = [row.unitName, row.townName, row.cityName].map((p) => p?.trim()).filter((p) => p).join(', ') || null;
    events.push({
      ...stamp,
      timeZone: TURKEY_TIME_ZONE,
      rawCode: row.eventId,
      rawText: [row.eventName, row.reasonName].filter((p) => p !== undefined).join(' / '),
      location: { text, city, country: 'TR' },
      status,
      substatus,
    });
  }

  const operationCode = detail.operationCode?.trim();
  if (operationCode !== undefined) {
    const delivered = operationCode === '5';
    const stamp = delivered ? readStamp(item.deliveryDate, item.deliveryTime) : readStamp(item.documentDate, item.documentTime);
    if (stamp === null) return { kind: 'malformed', detail: `unreadable ${delivered ? 'delivery' : 'document'} date` };
    const unit = (delivered ? item.deliveryUnitName : item.departureUnitName) ?? null;
    if (stamp) events.push(fieldEvent('operationCode', operationCode, detail.operationMessage ?? detail.operationStatus ?? '', stamp, unit));
  }

  // returnStatus and rejectStatus carry no time of their own (except returnDeliveryDate): they are
  // stamped with the latest time of the answer, listed last so they win a tie (current-status.ts).
  const latest = latestStamp(events, item);
  const returnStatus = item.returnStatus?.trim();
  if (returnStatus !== undefined && returnStatus !== '0' && returnStatus !== '1') {
    const own = returnStatus === '3' ? readStamp(item.returnDeliveryDate, undefined) : undefined;
    if (own === null) return { kind: 'malformed', detail: 'unreadable return delivery date' };
    const stamp = own ?? latest;
    if (stamp) events.push(fieldEvent('returnStatus', returnStatus, item.returnStatusExplanation ?? '', stamp, null));
  }
  const rejectStatus = item.rejectStatus?.trim();
  if (rejectStatus !== undefined && latest) {
    events.push(fieldEvent('rejectStatus', rejectStatus, item.rejectStatusExplanation ?? '', latest, null));
  }
  return events;
}

function latestStamp(events: readonly CarrierEvent[], item: YurticiWireItemDetail): Stamp | undefined {
  const candidates: Stamp[] = events.map((e) => ({ localTime: e.localTime, occurredAt: e.occurredAt }));
  for (const stamp of [readStamp(item.documentDate, item.documentTime), readStamp(item.deliveryDate, item.deliveryTime)]) {
    if (stamp) candidates.push(stamp);
  }
  return candidates.reduce<Stamp | undefined>((best, s) => (!best || s.occurredAt > best.occurredAt ? s : best), undefined);
}

function fieldEvent(field: YurticiStatusField, value: string, rawText: string, stamp: Stamp, unit: string | null): CarrierEvent {
  const rawCode = yurticiFieldCode(field, value);
  const { status, substatus } = mapStatus('yurtici', YURTICI_STATUSES, rawCode, YURTICI_FALLBACK_STATUS[field]);
  return {
    ...stamp,
    timeZone: TURKEY_TIME_ZONE,
    rawCode,
    rawText,
    location: { text: unit?.trim() || null, city: null, country: 'TR' },
    status,
    substatus,
  };
}
