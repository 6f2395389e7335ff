/**
 * The inbox's pieces that hold no state: its filters as a hash segment, and each row's age,
 * details and shipment link as words. Carrier text stays text (h() makes text nodes).
 */
import { query } from '../api.js';
import type { Anomaly } from '../api-types.js';
import { h } from '../dom.js';
import { fill } from '../i18n/language.js';
import { ANOMALY_CODES, SEVERITIES } from '../i18n/vocabulary.js';

export interface Filters {
  code: string;
  severity: string;
  carrier: string;
  /** Page size; not offered on screen, but a hash may set it (tests page through small pages). */
  limit: number;
}

/** Only known values survive: the hash is typed by people and pasted around. */
export function filtersOf(params: string[]): Filters {
  const q = new URLSearchParams(params[0] ?? '');
  const code = q.get('code') ?? '';
  const severity = q.get('severity') ?? '';
  const carrier = (q.get('carrier') ?? '').toLowerCase();
  const limit = Number(q.get('limit'));
  return {
    code: (ANOMALY_CODES as readonly string[]).includes(code) ? code : '',
    severity: (SEVERITIES as readonly string[]).includes(severity) ? severity : '',
    carrier: /^[a-z0-9_-]{1,40}$/.test(carrier) ? carrier : '',
    limit: Number.isInteger(limit) && limit >= 1 && limit <= 100 ? limit : 50,
  };
}

export function hashOf(filters: Filters): string {
  const text = query({ code: filters.code, severity: filters.severity, carrier: filters.carrier, limit: filters.limit === 50 ? null : filters.limit }).slice(1);
  return text ? `#/anomalies/${text}` : '#/anomalies';
}

export function ageOf(iso: string, s: Record<'days' | 'hours' | 'minutes', string>): string {
  const minutes = Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${fill(s.days, { n: days })} ${fill(s.hours, { n: hours })}`;
  if (hours > 0) return fill(s.hours, { n: hours });
  return fill(s.minutes, { n: minutes % 60 });
}

/** Where the lookup finds the shipment: its tracking number, else the order id or reference. */
export function shipmentCell(anomaly: Anomaly, carrierWide: string): HTMLElement | string {
  const shipment = anomaly.shipment;
  if (!shipment) return h('span', { class: 'muted' }, carrierWide);
  const handle = shipment.trackingNumber ?? shipment.orderId ?? shipment.reference ?? shipment.id;
  return h('a', { href: `#/lookup/${encodeURIComponent(handle)}`, 'data-testid': 'anomaly-shipment' }, shipment.trackingNumber ?? shipment.reference ?? shipment.orderId ?? shipment.id);
}
