/**
 * The shipment list with the API's own filters (status, carrier, free text) and cursor paging.
 * Filters and the current cursor live in the hash as one encoded segment
 * (`#/shipments/status%3Ddelivered%26limit%3D3`), so a language switch, a reload or a shared link
 * shows the same page. The cursors of earlier pages are remembered in memory for "Previous".
 */
import { api, query } from '../api.js';
import type { Page, Shipment } from '../api-types.js';
import { h, replaceChildren } from '../dom.js';
import { formatInstant, formatPromise } from '../format.js';
import { fill, pick, type Strings } from '../i18n/language.js';
import { STATUS_CODES, statusLabel } from '../i18n/vocabulary.js';
import { describeError } from './anomaly-actions.js';
import { lateBadge, statusBadge } from './badges.js';
import type { View, ViewContext } from './view.js';
import './shipments.css';

const EN = {
  title: 'Shipments',
  heading: 'Shipments',
  status: 'Status',
  carrier: 'Carrier',
  q: 'Search',
  qPlaceholder: 'number, reference, order id, name',
  limit: 'Per page',
  any: 'All',
  apply: 'Filter',
  clear: 'Clear',
  loading: 'Loading…',
  empty: 'No shipment matches these filters.',
  number: 'Number',
  promised: 'Promised by',
  lastEvent: 'Last event',
  customer: 'Recipient',
  first: 'First page',
  previous: 'Previous',
  next: 'Next',
  page: 'Page {n}',
  rows: '{n} on this page',
};

const STRINGS: Strings<keyof typeof EN> = {
  tr: {
    title: 'Gönderiler',
    heading: 'Gönderiler',
    status: 'Durum',
    carrier: 'Kargo firması',
    q: 'Ara',
    qPlaceholder: 'numara, referans, sipariş no, isim',
    limit: 'Sayfa başına',
    any: 'Tümü',
    apply: 'Filtrele',
    clear: 'Temizle',
    loading: 'Yükleniyor…',
    empty: 'Bu filtrelere uyan gönderi yok.',
    number: 'Numara',
    promised: 'Söz verilen teslim',
    lastEvent: 'Son hareket',
    customer: 'Alıcı',
    first: 'İlk sayfa',
    previous: 'Önceki',
    next: 'Sonraki',
    page: 'Sayfa {n}',
    rows: 'Bu sayfada {n} gönderi',
  },
  en: EN,
};

type Words = Record<keyof typeof EN, string>;

interface ListState {
  status: string;
  carrier: string;
  q: string;
  limit: string;
  cursor: string;
}

const FILTERS = ['status', 'carrier', 'q', 'limit'] as const;

function stateOf(segment: string | undefined): ListState {
  const params = new URLSearchParams(segment ?? '');
  const get = (name: string) => params.get(name)?.trim() ?? '';
  return { status: get('status'), carrier: get('carrier'), q: get('q'), limit: get('limit'), cursor: get('cursor') };
}

function hashOf(state: ListState): string {
  const text = query({ ...state }).replace(/^\?/, '');
  return text ? `#/shipments/${encodeURIComponent(text)}` : '#/shipments';
}

/** Cursors of the pages before this one, for the same filters; the first page's cursor is ''. */
let earlier: { filters: string; cursors: string[] } = { filters: '', cursors: [] };

/** A page reached by "Previous" or the browser's back button drops the cursors after it. */
function rememberPosition(state: ListState): string[] {
  const filters = FILTERS.map((name) => state[name]).join('\u0000');
  if (earlier.filters !== filters || !state.cursor) earlier = { filters, cursors: [] };
  const at = earlier.cursors.indexOf(state.cursor);
  if (at >= 0) earlier.cursors = earlier.cursors.slice(0, at);
  return earlier.cursors;
}

/** Carrier names change only with a restart: asked once per page load, beside the first list request. */
let carriers: Promise<Array<{ code: string; displayName: string }>> | null = null;
function carrierList(): Promise<Array<{ code: string; displayName: string }>> {
  carriers ??= api.get<{ items: Array<{ code: string; displayName: string }> }>('/v1/carriers').then(
    (r) => r.items,
    (error: unknown) => {
      carriers = null;
      throw error;
    },
  );
  return carriers;
}

export const shipmentsView: View = {
  name: 'shipments',
  title: () => pick(STRINGS).title,
  render: (ctx) => renderShipments(ctx),
};

function option(value: string, label: string, selected: string): HTMLOptionElement {
  return h('option', { value, selected: value === selected }, label);
}

function renderShipments(ctx: ViewContext): HTMLElement {
  const s: Words = pick(STRINGS);
  const state = stateOf(ctx.params[0]);
  const cursors = rememberPosition(state);

  const status = h(
    'select',
    { id: 'filter-status', name: 'status', 'data-testid': 'filter-status' },
    option('', s.any, state.status),
    ...STATUS_CODES.map((code) => option(code, statusLabel(code), state.status)),
  );
  const carrier = h(
    'select',
    { id: 'filter-carrier', name: 'carrier', 'data-testid': 'filter-carrier' },
    option('', s.any, state.carrier),
    state.carrier ? option(state.carrier, state.carrier, state.carrier) : null,
  );
  const q = h('input', { id: 'filter-q', name: 'q', type: 'search', value: state.q, maxlength: 200, placeholder: s.qPlaceholder, 'data-testid': 'filter-q' });
  const limit = h('input', { id: 'filter-limit', name: 'limit', type: 'number', min: 1, max: 100, value: state.limit, placeholder: '50', inputmode: 'numeric', 'data-testid': 'filter-limit' });
  const field = (id: string, label: string, control: HTMLElement) => h('div', { class: 'filter' }, h('label', { for: id }, label), control);

  const form = h(
    'form',
    {
      class: 'filters',
      'data-testid': 'shipment-filters',
      onsubmit: (event: Event) => {
        event.preventDefault();
        ctx.navigate(hashOf({ status: status.value, carrier: carrier.value, q: q.value.trim(), limit: limit.value.trim(), cursor: '' }));
      },
    },
    field('filter-status', s.status, status),
    field('filter-carrier', s.carrier, carrier),
    field('filter-q', s.q, q),
    field('filter-limit', s.limit, limit),
    h(
      'div',
      { class: 'filter-buttons' },
      h('button', { type: 'submit', class: 'primary', 'data-testid': 'filter-apply' }, s.apply),
      h('a', { href: '#/shipments', class: 'clear' }, s.clear),
    ),
  );

  // `data-for` names the address this list answers, so a test can tell it from the list it replaced.
  const results = h(
    'div',
    { class: 'shipment-results', 'data-testid': 'shipment-results', 'data-for': location.hash, 'aria-busy': 'true' },
    h('p', { class: 'loading' }, s.loading),
  );

  carrierList()
    .then((items) => {
      replaceChildren(carrier, option('', s.any, state.carrier), ...items.map((c) => option(c.code, c.displayName, state.carrier)));
      // A code in the hash that the server does not know stays selectable, so the list and the box agree.
      if (state.carrier && !items.some((c) => c.code === state.carrier)) carrier.append(option(state.carrier, state.carrier, state.carrier));
    })
    .catch(() => undefined); // The list itself reports the problem; the box keeps "All" and the hash's code.

  const { cursor, ...filters } = state;
  api
    .get<Page<Shipment>>(`/v1/shipments${query({ ...filters, cursor })}`)
    .then((page) => replaceChildren(results, ...renderPage(page, state, cursors, ctx, s)))
    .catch((error: unknown) => replaceChildren(results, h('p', { class: 'form-error', role: 'alert', 'data-testid': 'shipments-error' }, describeError(error))))
    .finally(() => results.removeAttribute('aria-busy'));

  return h('section', { class: 'view shipments-view' }, h('h1', {}, s.heading), form, results);
}

function renderPage(page: Page<Shipment>, state: ListState, cursors: string[], ctx: ViewContext, s: Words): HTMLElement[] {
  const pager = renderPager(page, state, cursors, ctx, s);
  if (page.items.length === 0) return [h('p', { class: 'empty', 'data-testid': 'shipments-empty' }, s.empty), pager];
  const head = h(
    'thead',
    {},
    h('tr', {}, ...[s.number, s.carrier, s.status, s.promised, s.lastEvent, s.customer].map((label) => h('th', { scope: 'col' }, label))),
  );
  const rows = page.items.map((shipment) => {
    const number = shipment.trackingNumber ?? shipment.reference ?? shipment.orderId ?? shipment.id;
    return h(
      'tr',
      { 'data-testid': 'shipment-row', 'data-shipment-id': shipment.id, 'data-status': shipment.status },
      h(
        'td',
        { 'data-label': s.number },
        h('a', { href: `#/lookup/${encodeURIComponent(number)}`, class: 'number', 'data-testid': 'shipment-link' }, number),
        shipment.orderId && shipment.orderId !== number ? h('div', { class: 'muted small' }, shipment.orderId) : null,
      ),
      h('td', { 'data-label': s.carrier }, shipment.carrierName),
      h('td', { 'data-label': s.status }, statusBadge(shipment.status, shipment.substatus)),
      h('td', { 'data-label': s.promised }, formatPromise(shipment.promisedBy), ' ', lateBadge(shipment.late)),
      h('td', { 'data-label': s.lastEvent }, formatInstant(shipment.lastEventAt)),
      h('td', { 'data-label': s.customer, class: 'customer' }, shipment.customer?.name ?? '—'),
    );
  });
  return [
    h('p', { class: 'muted', 'data-testid': 'shipments-count' }, fill(s.rows, { n: page.items.length })),
    h('table', { class: 'stack shipment-table', 'data-testid': 'shipment-table' }, head, h('tbody', {}, ...rows)),
    pager,
  ];
}

function renderPager(page: Page<Shipment>, state: ListState, cursors: string[], ctx: ViewContext, s: Words): HTMLElement {
  const go = (cursor: string, before: string[]) => {
    earlier.cursors = before;
    ctx.navigate(hashOf({ ...state, cursor }));
  };
  const previous = cursors[cursors.length - 1];
  // Opened straight on a later page (a reload, a shared link), the pages before it are unknown.
  const pageKnown = !state.cursor || cursors.length > 0;
  return h(
    'nav',
    { class: 'pager', 'data-testid': 'pager' },
    state.cursor ? h('button', { type: 'button', 'data-testid': 'pager-first', onclick: () => go('', []) }, s.first) : null,
    previous !== undefined ? h('button', { type: 'button', 'data-testid': 'pager-previous', onclick: () => go(previous, cursors) }, s.previous) : null,
    pageKnown ? h('span', { class: 'page-number', 'data-testid': 'page-number' }, fill(s.page, { n: cursors.length + 1 })) : null,
    page.nextCursor
      ? h('button', { type: 'button', class: 'primary', 'data-testid': 'pager-next', onclick: () => go(page.nextCursor ?? '', [...cursors, state.cursor]) }, s.next)
      : null,
  );
}
