/**
 * Shared pieces of alert mails. Everything that came from a carrier or a shop (descriptions, names,
 * numbers) is untrusted: escaped in HTML, and stripped of line breaks and control characters
 * wherever it reaches a header.
 */
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { ANOMALY_COPY, nextStep, SEVERITY_NAMES, titleOf, type Language } from '../copy.js';
import type { AlertItem } from '../types.js';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface RenderContext {
  language: Language;
  timeZone: string;
  publicUrl: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** One header-safe line: no CR/LF or other control characters, bounded length. */
export function headerSafe(value: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
}

export function formatWhen(ctx: RenderContext): (iso: unknown) => string {
  const pattern = ctx.language === 'tr' ? 'dd.MM.yyyy HH:mm' : 'yyyy-MM-dd HH:mm';
  return (iso) => {
    if (typeof iso !== 'string' && !(iso instanceof Date)) return '?';
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? '?' : format(date, pattern, { in: tz(ctx.timeZone) });
  };
}

export function itemLink(item: AlertItem, ctx: RenderContext): string {
  const { anomaly } = item;
  return anomaly.shipmentId
    ? `${ctx.publicUrl}/console/shipments/${encodeURIComponent(anomaly.shipmentId)}`
    : `${ctx.publicUrl}/console/carriers/${encodeURIComponent(anomaly.carrier)}`;
}

const LABELS = {
  tr: { tracking: 'Takip no', order: 'Sipariş', customer: 'Müşteri', carrier: 'Kargo', opened: 'Açıldı', next: 'Ne yapmalı', link: 'Ayrıntılar', severity: 'Önem' },
  en: { tracking: 'Tracking no', order: 'Order', customer: 'Customer', carrier: 'Carrier', opened: 'Opened', next: 'What to do', link: 'Details', severity: 'Severity' },
} as const;

/** The facts of one anomaly as label/value pairs, plain (not yet escaped). */
function facts(item: AlertItem, ctx: RenderContext): [string, string][] {
  const l = LABELS[ctx.language];
  const when = formatWhen(ctx);
  const s = item.shipment;
  const rows: [string, string][] = [];
  if (s) {
    rows.push([l.tracking, s.trackingNumber ?? s.reference ?? '-']);
    if (s.orderId) rows.push([l.order, s.orderId]);
    if (s.customer.name) rows.push([l.customer, s.customer.name]);
  }
  rows.push([l.carrier, item.anomaly.carrier]);
  rows.push([l.severity, SEVERITY_NAMES[item.anomaly.severity][ctx.language]]);
  rows.push([l.opened, when(item.anomaly.openedAt)]);
  return rows;
}

export function itemTitle(item: AlertItem, ctx: RenderContext): string {
  const number = item.shipment ? (item.shipment.trackingNumber ?? item.shipment.reference ?? '') : item.anomaly.carrier;
  return `${titleOf(item.anomaly.code, item.anomaly.details)[ctx.language]} – ${number}`;
}

export function itemText(item: AlertItem, ctx: RenderContext): string {
  const l = LABELS[ctx.language];
  const copy = ANOMALY_COPY[item.anomaly.code];
  const lines = [
    headerSafe(itemTitle(item, ctx), 500),
    // One line: a carrier description must not be able to forge a "Details: <link>" line below it.
    headerSafe(copy.happened(item.anomaly.details, formatWhen(ctx))[ctx.language], 1000),
    ...facts(item, ctx).map(([k, v]) => `${k}: ${headerSafe(v, 500)}`),
    `${l.next}: ${nextStep(item.anomaly.code, item.anomaly.details)[ctx.language]}`,
    `${l.link}: ${itemLink(item, ctx)}`,
  ];
  return lines.join('\n');
}

export function itemHtml(item: AlertItem, ctx: RenderContext): string {
  const l = LABELS[ctx.language];
  const copy = ANOMALY_COPY[item.anomaly.code];
  const rows = facts(item, ctx)
    .map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('');
  return [
    `<h3>${escapeHtml(itemTitle(item, ctx))}</h3>`,
    `<p>${escapeHtml(copy.happened(item.anomaly.details, formatWhen(ctx))[ctx.language])}</p>`,
    `<table>${rows}</table>`,
    `<p><strong>${escapeHtml(l.next)}:</strong> ${escapeHtml(nextStep(item.anomaly.code, item.anomaly.details)[ctx.language])}</p>`,
    `<p><a href="${escapeHtml(itemLink(item, ctx))}">${escapeHtml(l.link)}</a></p>`,
  ].join('\n');
}

export function htmlDocument(title: string, body: string, language: Language): string {
  return `<!doctype html>\n<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>\n${body}\n</body></html>`;
}
