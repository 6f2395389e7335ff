/** Times as people read them: dd.MM.yyyy HH:mm in Turkish, in the shop's zone unless the event says otherwise. */
import type { TrackingEvent } from './api-types.js';
import { locale } from './i18n/language.js';

let shopTimeZone = 'Europe/Istanbul';

export function setShopTimeZone(zone: string | null | undefined): void {
  if (zone) shopTimeZone = zone;
}

function formatIn(date: Date, timeZone: string, withTime: boolean): string {
  const options: Intl.DateTimeFormatOptions = withTime
    ? { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }
    : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone };
  return new Intl.DateTimeFormat(locale(), options).format(date);
}

/** An instant from the API, in the shop's zone. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  return formatIn(new Date(iso), shopTimeZone, true);
}

/** `promisedBy` is a calendar day (YYYY-MM-DD) or an instant. */
export function formatPromise(value: string | null | undefined): string {
  if (!value) return '—';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return formatIn(new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12)), 'UTC', false);
  return formatInstant(value);
}

/** A chart's day label ("2026-11-23" → "23.11"). */
export function formatDay(day: string): string {
  const [, month = '', date = ''] = day.split('-');
  return locale() === 'tr-TR' ? `${date}.${month}` : `${date}/${month}`;
}

/**
 * An event's time where it happened: the carrier's zone when it gave one, otherwise the carrier's
 * own text (a time without a zone has no honest instant to convert).
 */
export function formatEventTime(event: TrackingEvent): { text: string; zone: string | null } {
  if (event.occurredAt && event.timeZone && event.timeZone !== 'unknown') {
    try {
      return { text: formatIn(new Date(event.occurredAt), event.timeZone, true), zone: event.timeZone };
    } catch {
      return { text: formatInstant(event.occurredAt), zone: shopTimeZone };
    }
  }
  // An instant without a zone (a manual event sent with an offset) is honest too: shown in the shop's zone.
  if (event.occurredAt && event.timeZone !== 'unknown') return { text: formatInstant(event.occurredAt), zone: shopTimeZone };
  return { text: event.localTime ?? '—', zone: null };
}

export function formatNumber(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits }).format(value);
}

export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}
