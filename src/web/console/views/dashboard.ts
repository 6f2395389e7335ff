/**
 * The health dashboard: one parallel round (/v1/health and /v1/carriers), then only layout. Every
 * figure was counted by the server; the browser scales bars and formats numbers, nothing more, so
 * the page and the API can never disagree.
 */
import './dashboard.css';
import { api } from '../api.js';
import type { CarrierHealthItem, Health } from '../api-types.js';
import { h, replaceChildren } from '../dom.js';
import { fill, pick, type Strings } from '../i18n/language.js';
import { SEVERITIES, STATUS_CODES, anomalyLabel, severityLabel, statusLabel } from '../i18n/vocabulary.js';
import { formatDay, formatInstant, formatNumber, formatPercent } from '../format.js';
import { barChart, columnChart, type BarRow, type Tone } from './charts.js';
import type { View, ViewContext } from './view.js';

type Key =
  | 'nav' | 'title' | 'loading' | 'failed' | 'noData' | 'total' | 'open' | 'pollErrors' | 'lastTick' | 'never' | 'byStatus'
  | 'byCode' | 'bySeverity' | 'onTime' | 'onTimeText' | 'transit' | 'transitText' | 'trends' | 'carriers' | 'carrier'
  | 'shipments' | 'circuit' | 'quota' | 'quotaText' | 'noLimit' | 'lastFailure' | 'lastSuccess' | 'none' | 'notPolled'
  | 'circuit_closed' | 'circuit_open' | 'circuit_half_open' | 'failure_auth' | 'failure_rate_limited' | 'failure_unavailable'
  | 'failure_malformed' | 'failures';

const STRINGS: Strings<Key> = {
  tr: {
    nav: 'Genel durum',
    title: 'Genel durum',
    loading: 'Durum bilgisi yükleniyor…',
    failed: 'Durum bilgisi yüklenemedi: {message}',
    noData: 'Henüz veri yok.',
    total: 'Toplam gönderi',
    open: 'Çözülmemiş anomali',
    pollErrors: 'Son bir saatteki sorgu hatası',
    lastTick: 'Son sorgu turu: {when}',
    never: 'henüz yok',
    byStatus: 'Duruma göre gönderiler',
    byCode: 'Türe göre çözülmemiş anomaliler',
    bySeverity: 'Öneme göre çözülmemiş anomaliler',
    onTime: 'Zamanında teslim oranı (son 30 gün)',
    onTimeText: '{rate} · {n} teslim',
    transit: 'Medyan teslim süresi (son 30 gün)',
    transitText: '{days} gün · {n} teslim',
    trends: 'Günlük yeni gecikme ve hareketsizlik anomalileri (son 30 gün)',
    carriers: 'Kargo firmalarının durumu',
    carrier: 'Kargo firması',
    shipments: 'Gönderi',
    circuit: 'Bağlantı',
    quota: 'Günlük kota',
    quotaText: '{used} / {limit}',
    noLimit: 'sınırsız',
    lastFailure: 'Son hata',
    lastSuccess: 'Son başarılı sorgu',
    none: 'Yok',
    notPolled: 'Sorgulanmıyor',
    circuit_closed: 'Çalışıyor',
    circuit_open: 'Durduruldu (çok fazla hata)',
    circuit_half_open: 'Yeniden deneniyor',
    failure_auth: 'Kimlik doğrulama hatası',
    failure_rate_limited: 'İstek sınırı aşıldı',
    failure_unavailable: 'Ulaşılamadı',
    failure_malformed: 'Anlaşılamayan yanıt',
    failures: 'Hatalar: {summary}',
  },
  en: {
    nav: 'Dashboard',
    title: 'Health',
    loading: 'Loading health figures…',
    failed: 'Could not load health figures: {message}',
    noData: 'No data yet.',
    total: 'Shipments',
    open: 'Unresolved anomalies',
    pollErrors: 'Poll errors in the last hour',
    lastTick: 'Last poll round: {when}',
    never: 'none yet',
    byStatus: 'Shipments by status',
    byCode: 'Unresolved anomalies by problem',
    bySeverity: 'Unresolved anomalies by severity',
    onTime: 'On-time delivery rate (last 30 days)',
    onTimeText: '{rate} · {n} delivered',
    transit: 'Median transit time (last 30 days)',
    transitText: '{days} days · {n} delivered',
    trends: 'New late and stalled anomalies per day (last 30 days)',
    carriers: 'Carrier health',
    carrier: 'Carrier',
    shipments: 'Shipments',
    circuit: 'Connection',
    quota: 'Daily quota',
    quotaText: '{used} / {limit}',
    noLimit: 'no limit',
    lastFailure: 'Last failure',
    lastSuccess: 'Last success',
    none: 'None',
    notPolled: 'Not polled',
    circuit_closed: 'Working',
    circuit_open: 'Paused (too many failures)',
    circuit_half_open: 'Trying again',
    failure_auth: 'Authentication failed',
    failure_rate_limited: 'Rate limited',
    failure_unavailable: 'Unreachable',
    failure_malformed: 'Answer not understood',
    failures: 'Failures: {summary}',
  },
};

type Text = Record<Key, string>;

const SEVERITY_TONE: Record<string, Tone> = { critical: 'critical', high: 'bad', medium: 'warn' };
const STATUS_TONE: Record<string, Tone> = { delivered: 'ok', exception: 'bad', returning: 'bad', returned: 'bad', not_found: 'bad', attempt_failed: 'warn', expired: 'muted' };

/** Known codes in their own order first, then anything newer the server sends. */
function ordered(counts: Record<string, number>, order: readonly string[]): Array<[string, number]> {
  const known = order.filter((code) => code in counts).map((code): [string, number] => [code, counts[code] ?? 0]);
  return [...known, ...Object.entries(counts).filter(([code]) => !order.includes(code))];
}

function bigNumber(id: string, label: string, value: string, tone?: Tone): HTMLElement {
  return h('div', { class: `big-number${tone ? ` tone-text-${tone}` : ''}` }, h('span', { class: 'big-value', 'data-testid': id }, value), h('span', { class: 'big-label' }, label));
}

function circuitCell(item: CarrierHealthItem, s: Text): HTMLElement {
  const state = item.circuit?.state;
  if (!state) return h('span', { class: 'muted' }, s.notPolled);
  const label = s[`circuit_${state}` as Key] ?? state;
  return h('span', { class: `badge circuit circuit-${state}`, 'data-testid': 'circuit', 'data-state': state }, label);
}

function quotaCell(item: CarrierHealthItem, s: Text): string {
  if (!item.quota) return '—';
  const limit = item.quota.limit === null ? s.noLimit : formatNumber(item.quota.limit);
  return fill(s.quotaText, { used: formatNumber(item.quota.used), limit });
}

function failureCell(item: CarrierHealthItem, s: Text): HTMLElement | string {
  if (!item.lastFailureAt) return s.none;
  const kind = item.lastFailureKind;
  return h(
    'span',
    { class: 'failure' },
    h('strong', {}, kind ? (s[`failure_${kind}` as Key] ?? kind) : '—'),
    ' · ',
    h('time', { datetime: item.lastFailureAt }, formatInstant(item.lastFailureAt)),
    item.lastFailure && h('span', { class: 'muted failure-summary' }, fill(s.failures, { summary: item.lastFailure })),
  );
}

/** Carriers that matter here: switched on, or holding shipments. */
function carrierTable(items: CarrierHealthItem[], s: Text): HTMLElement {
  const shown = items.filter((c) => c.configured || c.shipments > 0);
  const section = h('section', { class: 'carrier-health', 'data-testid': 'carrier-health', 'aria-label': s.carriers }, h('h2', {}, s.carriers));
  if (shown.length === 0) return (section.append(h('p', { class: 'muted' }, s.noData)), section);
  const head = h('tr', {}, ...[s.carrier, s.shipments, s.circuit, s.quota, s.lastSuccess, s.lastFailure].map((label) => h('th', { scope: 'col' }, label)));
  const rows = shown.map((c) =>
    h(
      'tr',
      { 'data-testid': 'carrier-row', 'data-carrier': c.code },
      h('td', { 'data-label': s.carrier, class: 'carrier-name' }, c.displayName),
      h('td', { 'data-label': s.shipments }, formatNumber(c.shipments)),
      h('td', { 'data-label': s.circuit }, circuitCell(c, s)),
      h('td', { 'data-label': s.quota }, quotaCell(c, s)),
      h('td', { 'data-label': s.lastSuccess }, formatInstant(c.lastSuccessAt)),
      h('td', { 'data-label': s.lastFailure }, failureCell(c, s)),
    ),
  );
  section.append(h('table', { class: 'stack' }, h('thead', {}, head), h('tbody', {}, ...rows)));
  return section;
}

function drawDashboard(health: Health, carriers: CarrierHealthItem[], s: Text): HTMLElement[] {
  const nameOf = new Map(carriers.map((c) => [c.code, c.displayName]));
  const carrierName = (code: string) => nameOf.get(code) ?? code;
  const severities = ordered(health.anomalies.openBySeverity, SEVERITIES);
  const open = health.anomalies.open;
  const tick = health.polling.lastTick;
  const numbers = h(
    'div',
    { class: 'big-numbers' },
    bigNumber('total-shipments', s.total, formatNumber(health.shipments.total)),
    bigNumber('open-anomalies', s.open, formatNumber(open), open > 0 ? 'bad' : 'ok'),
    bigNumber('poll-errors', s.pollErrors, formatNumber(health.polling.pollErrorsLastHour), health.polling.pollErrorsLastHour > 0 ? 'warn' : undefined),
  );
  const bars = (id: string, title: string, rows: BarRow[], max?: number) => barChart({ id, title, empty: s.noData, rows, ...(max !== undefined && { max }) });
  const onTime = Object.entries(health.onTimeLast30Days).filter(([, c]) => c.rate !== null);
  const transit = Object.entries(health.transitLast30Days).filter(([, c]) => c.medianDays !== null);
  const trends = health.trendsLast30Days;
  return [
    numbers,
    h('p', { class: 'muted last-tick', 'data-testid': 'last-tick' }, fill(s.lastTick, { when: tick ? formatInstant(tick.finishedAt) : s.never })),
    h(
      'div',
      { class: 'chart-grid' },
      bars('chart-status', s.byStatus, ordered(health.shipments.byStatus, STATUS_CODES).map(([code, n]) => ({ key: code, label: statusLabel(code), value: n, text: formatNumber(n), tone: STATUS_TONE[code] ?? 'brand' }))),
      bars('chart-severity', s.bySeverity, severities.map(([code, n]) => ({ key: code, label: severityLabel(code), value: n, text: formatNumber(n), tone: SEVERITY_TONE[code] ?? 'brand' }))),
      bars(
        'chart-code',
        s.byCode,
        Object.entries(health.anomalies.openByCode)
          .sort(([, a], [, b]) => b - a)
          .map(([code, n]) => ({ key: code, label: anomalyLabel(code), value: n, text: formatNumber(n), tone: 'warn' })),
      ),
      bars(
        'chart-on-time',
        s.onTime,
        onTime.map(([code, c]) => ({
          key: code,
          label: carrierName(code),
          value: c.rate ?? 0,
          text: fill(s.onTimeText, { rate: formatPercent(c.rate), n: formatNumber(c.delivered) }),
          // Amber below 90 %: a cue for the eye; the percentage beside the bar is the fact.
          tone: (c.rate ?? 0) >= 0.9 ? 'ok' : 'warn',
          keepAtZero: true,
        })),
        1,
      ),
      bars(
        'chart-transit',
        s.transit,
        transit.map(([code, c]) => ({ key: code, label: carrierName(code), value: c.medianDays ?? 0, text: fill(s.transitText, { days: formatNumber(c.medianDays ?? 0, 1), n: formatNumber(c.delivered) }), keepAtZero: true })),
      ),
    ),
    columnChart({
      id: 'chart-trends',
      title: s.trends,
      empty: s.noData,
      days: trends.days.map(formatDay),
      series: [
        { key: 'late', label: anomalyLabel('late'), values: trends.late, tone: 'bad' },
        { key: 'stalled', label: anomalyLabel('stalled'), values: trends.stalled, tone: 'warn' },
      ],
    }),
    carrierTable(carriers, s),
  ];
}

function renderDashboard(_ctx: ViewContext): HTMLElement {
  const s = pick(STRINGS);
  const body = h('div', { class: 'dashboard-body', 'aria-busy': 'true' }, h('p', { class: 'loading', role: 'status' }, s.loading));
  // data-state tells a test when the figures have arrived.
  const section = h('section', { class: 'view dashboard', 'data-testid': 'dashboard', 'data-state': 'loading' }, h('h1', {}, s.title), body);
  Promise.all([api.get<Health>('/v1/health'), api.get<{ items: CarrierHealthItem[] }>('/v1/carriers')])
    .then(([health, carriers]) => {
      replaceChildren(body, ...drawDashboard(health, carriers.items, s));
      body.removeAttribute('aria-busy');
      section.dataset['state'] = 'ready';
    })
    .catch((error: unknown) => {
      replaceChildren(body, h('p', { class: 'form-error', role: 'alert' }, fill(s.failed, { message: error instanceof Error ? error.message : String(error) })));
      body.removeAttribute('aria-busy');
      section.dataset['state'] = 'error';
    });
  return section;
}

export const dashboardView: View = {
  name: 'dashboard',
  title: () => pick(STRINGS).nav,
  render: renderDashboard,
};
