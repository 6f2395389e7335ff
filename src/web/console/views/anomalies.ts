/**
 * The anomaly inbox: everything not resolved yet, oldest first, so the longest-waiting problem is
 * on top. Filters live in the hash (`#/anomalies/severity=high&carrier=aras`) so a reload or a
 * language switch keeps them; the list and the carrier names arrive in one parallel round.
 */
import './anomalies.css';
import { api, query } from '../api.js';
import type { Anomaly, CarrierHealthItem, Page } from '../api-types.js';
import { h, replaceChildren } from '../dom.js';
import { fill, pick, type Strings } from '../i18n/language.js';
import { ANOMALY_CODES, SEVERITIES, anomalyLabel, severityLabel, stateLabel } from '../i18n/vocabulary.js';
import { formatInstant } from '../format.js';
import { anomalyDetailsText } from '../i18n/anomaly-details.js';
import { acknowledgeAnomalies, describeError } from './anomaly-actions.js';
import { ageOf, filtersOf, hashOf, shipmentCell } from './anomaly-cells.js';
import { severityBadge } from './badges.js';
import type { View, ViewContext } from './view.js';

const STRINGS: Strings<
  | 'nav' | 'title' | 'code' | 'severity' | 'carrier' | 'any' | 'clear' | 'selectAll' | 'select' | 'state' | 'opened' | 'age'
  | 'shipment' | 'details' | 'carrierWide' | 'loading' | 'empty' | 'failed' | 'more' | 'note' | 'acknowledge' | 'acknowledged'
  | 'notAcknowledged' | 'days' | 'hours' | 'minutes' | 'by' | 'shown'
> = {
  tr: {
    nav: 'Anomaliler',
    title: 'Çözülmemiş anomaliler',
    code: 'Sorun',
    severity: 'Önem',
    carrier: 'Kargo firması',
    any: 'Tümü',
    clear: 'Filtreleri temizle',
    selectAll: 'Tümünü seç',
    select: 'Seç: {what}',
    state: 'Durum',
    opened: 'Açıldı',
    age: 'Süre',
    shipment: 'Gönderi',
    details: 'Ayrıntılar',
    carrierWide: 'Kargo firması geneli',
    loading: 'Anomaliler yükleniyor…',
    empty: 'Bu filtrelere uyan çözülmemiş anomali yok.',
    failed: 'Anomaliler yüklenemedi: {message}',
    more: 'Daha fazla göster',
    note: 'Not (isteğe bağlı)',
    acknowledge: 'Seçilenleri görüldü say ({n})',
    acknowledged: '{n} anomali görüldü olarak işaretlendi.',
    notAcknowledged: '{n} anomali işaretlenemedi:',
    days: '{n} g',
    hours: '{n} sa',
    minutes: '{n} dk',
    by: '{who} tarafından',
    shown: '{n} anomali gösteriliyor',
  },
  en: {
    nav: 'Anomalies',
    title: 'Unresolved anomalies',
    code: 'Problem',
    severity: 'Severity',
    carrier: 'Carrier',
    any: 'All',
    clear: 'Clear filters',
    selectAll: 'Select all',
    select: 'Select: {what}',
    state: 'State',
    opened: 'Opened',
    age: 'Age',
    shipment: 'Shipment',
    details: 'Details',
    carrierWide: 'Whole carrier',
    loading: 'Loading anomalies…',
    empty: 'No unresolved anomaly matches these filters.',
    failed: 'Could not load anomalies: {message}',
    more: 'Load more',
    note: 'Note (optional)',
    acknowledge: 'Acknowledge selected ({n})',
    acknowledged: '{n} anomalies acknowledged.',
    notAcknowledged: '{n} anomalies could not be acknowledged:',
    days: '{n} d',
    hours: '{n} h',
    minutes: '{n} min',
    by: 'by {who}',
    shown: '{n} anomalies shown',
  },
};


function select(name: string, label: string, current: string, options: Array<[string, string]>, onchange: (value: string) => void): HTMLElement {
  const id = `anomaly-filter-${name}`;
  const control = h('select', { id, name, 'data-testid': `filter-${name}`, onchange: (e: Event) => onchange((e.target as HTMLSelectElement).value) });
  for (const [value, text] of options) control.append(h('option', { value, selected: value === current }, text));
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

function renderInbox(ctx: ViewContext): HTMLElement {
  const s = pick(STRINGS);
  const filters = filtersOf(ctx.params);
  const canAcknowledge = ctx.me.can.acknowledgeAnomalies;
  const selected = new Set<string>();
  const boxes = new Map<string, HTMLInputElement>();
  let names = new Map<string, string>();
  let cursor: string | null = null;

  const change = (name: 'code' | 'severity' | 'carrier') => (value: string) => ctx.navigate(hashOf({ ...filters, [name]: value }));
  const filterBar = h('form', { class: 'inbox-filters', role: 'search', onsubmit: (e: Event) => e.preventDefault() });
  const status = h('p', { class: 'inbox-status', role: 'status', 'data-testid': 'inbox-status' });
  const body = h('tbody', {});
  const more = h('button', { type: 'button', class: 'load-more', 'data-testid': 'load-more', hidden: true, onclick: () => void load(false) }, s.more);
  const note = h('input', { id: 'ack-note', name: 'note', type: 'text', maxlength: '2000', autocomplete: 'off' });
  const ackButton = h('button', { type: 'button', class: 'primary', 'data-testid': 'ack-selected', disabled: true, onclick: () => void acknowledgeSelected() }, fill(s.acknowledge, { n: 0 }));
  const outcome = h('div', { class: 'bulk-outcome', 'data-testid': 'bulk-outcome', role: 'alert' });
  const all = h('input', { id: 'select-all', type: 'checkbox', 'data-testid': 'select-all', onchange: () => toggleAll(all.checked) });

  function drawFilters(): void {
    const carriers: Array<[string, string]> = [...names].map(([code, name]) => [code, name]);
    // A carrier in the hash that the list does not offer still shows as chosen.
    if (filters.carrier && !names.has(filters.carrier)) carriers.push([filters.carrier, filters.carrier]);
    replaceChildren(
      filterBar,
      select('code', s.code, filters.code, [['', s.any], ...ANOMALY_CODES.map((c): [string, string] => [c, anomalyLabel(c)])], change('code')),
      select('severity', s.severity, filters.severity, [['', s.any], ...SEVERITIES.map((c): [string, string] => [c, severityLabel(c)])], change('severity')),
      select('carrier', s.carrier, filters.carrier, [['', s.any], ...carriers], change('carrier')),
      (filters.code || filters.severity || filters.carrier) && h('a', { class: 'clear-filters', href: hashOf({ code: '', severity: '', carrier: '', limit: filters.limit }) }, s.clear),
    );
  }

  function syncSelection(): void {
    ackButton.textContent = fill(s.acknowledge, { n: selected.size });
    ackButton.disabled = selected.size === 0;
    all.checked = boxes.size > 0 && selected.size === boxes.size;
    all.indeterminate = selected.size > 0 && selected.size < boxes.size;
    all.disabled = boxes.size === 0;
  }

  function toggleAll(on: boolean): void {
    for (const [id, box] of boxes) {
      box.checked = on;
      if (on) selected.add(id);
      else selected.delete(id);
    }
    syncSelection();
  }

  function row(anomaly: Anomaly): HTMLElement {
    const box = h('input', {
      type: 'checkbox',
      'aria-label': fill(s.select, { what: `${anomalyLabel(anomaly.code)} · ${anomaly.shipment?.trackingNumber ?? anomaly.carrier}` }),
      onchange: () => {
        if (box.checked) selected.add(anomaly.id);
        else selected.delete(anomaly.id);
        syncSelection();
      },
    });
    // Only an open anomaly can be acknowledged; an acknowledged one keeps its row but offers no box.
    const selectable = anomaly.state === 'open';
    if (selectable) boxes.set(anomaly.id, box);
    return h(
      'tr',
      { 'data-testid': 'anomaly-row', 'data-id': anomaly.id, 'data-code': anomaly.code, 'data-severity': anomaly.severity, 'data-state': anomaly.state },
      canAcknowledge && h('td', { class: 'pick' }, selectable && box),
      h('td', { 'data-label': s.severity }, severityBadge(anomaly.severity)),
      h('td', { 'data-label': s.code, class: 'problem' }, anomalyLabel(anomaly.code)),
      h(
        'td',
        { 'data-label': s.state, 'data-testid': 'anomaly-state' },
        h('span', { class: `state state-${anomaly.state}` }, stateLabel(anomaly.state)),
        anomaly.acknowledgedBy && h('span', { class: 'muted by' }, fill(s.by, { who: anomaly.acknowledgedBy })),
      ),
      h('td', { 'data-label': s.opened }, h('time', { datetime: anomaly.openedAt }, formatInstant(anomaly.openedAt))),
      h('td', { 'data-label': s.age, class: 'age' }, ageOf(anomaly.openedAt, s)),
      h('td', { 'data-label': s.carrier }, names.get(anomaly.carrier) ?? anomaly.carrier),
      h('td', { 'data-label': s.shipment }, shipmentCell(anomaly, s.carrierWide)),
      h('td', { 'data-label': s.details, class: 'details' }, anomalyDetailsText(anomaly.details)),
    );
  }

  async function load(reset: boolean): Promise<void> {
    if (reset) {
      cursor = null;
      selected.clear();
      boxes.clear();
      body.replaceChildren();
      syncSelection();
    }
    section.dataset['state'] = 'loading';
    status.className = 'inbox-status loading';
    status.textContent = s.loading;
    more.disabled = true;
    const list = api.get<Page<Anomaly>>(
      `/v1/anomalies${query({ state: 'unresolved', order: 'oldest', code: filters.code, severity: filters.severity, carrier: filters.carrier, limit: filters.limit, cursor })}`,
    );
    // Carrier names only on the first page, fetched beside the list rather than after it.
    const carriers = reset && names.size === 0 ? api.get<{ items: CarrierHealthItem[] }>('/v1/carriers').catch(() => ({ items: [] })) : null;
    try {
      const [page, known] = await Promise.all([list, carriers]);
      if (known) {
        names = new Map(known.items.filter((c) => c.configured || c.shipments > 0).map((c) => [c.code, c.displayName]));
        drawFilters();
      }
      body.append(...page.items.map(row));
      cursor = page.nextCursor;
      more.hidden = cursor === null;
      more.disabled = false;
      const shown = body.childElementCount;
      status.className = `inbox-status${shown === 0 ? ' empty' : ' muted'}`;
      status.textContent = shown === 0 ? s.empty : fill(s.shown, { n: shown });
      syncSelection();
      section.dataset['state'] = 'ready';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      status.className = 'inbox-status form-error';
      status.textContent = fill(s.failed, { message });
      section.dataset['state'] = 'error';
      more.disabled = false;
    }
  }

  async function acknowledgeSelected(): Promise<void> {
    const ids = [...selected];
    if (ids.length === 0) return;
    ackButton.disabled = true;
    const text = note.value.trim();
    try {
      const result = await acknowledgeAnomalies(ids, text || undefined);
      const failed = result.items.filter((item) => !item.ok);
      const done = result.items.length - failed.length;
      ctx.notify(fill(s.acknowledged, { n: done }), failed.length > 0 ? 'error' : 'info');
      replaceChildren(
        outcome,
        failed.length > 0 && h('p', {}, fill(s.notAcknowledged, { n: failed.length })),
        failed.length > 0 &&
          h('ul', {}, ...failed.map((item) => h('li', { 'data-testid': 'bulk-failure', 'data-id': item.id }, `${item.id}: ${item.ok ? '' : item.error.message}`))),
      );
      note.value = '';
      await load(true);
    } catch (error) {
      ctx.notify(describeError(error), 'error');
      syncSelection();
    }
  }

  const headRow = h(
    'tr',
    {},
    canAcknowledge && h('th', { class: 'pick', scope: 'col' }),
    ...[s.severity, s.code, s.state, s.opened, s.age, s.carrier, s.shipment, s.details].map((label) => h('th', { scope: 'col' }, label)),
  );
  // data-query and data-state tell a test which filters are drawn and when their rows have arrived.
  const section = h(
    'section',
    { class: 'view inbox', 'data-testid': 'anomaly-inbox', 'data-query': hashOf(filters).replace(/^#\/anomalies\/?/, ''), 'data-state': 'loading' },
    h('h1', {}, s.title),
    filterBar,
    canAcknowledge &&
      // Select-all sits here, not in the table head, which a phone's stacked table hides.
      h('div', { class: 'bulk-bar' }, h('label', { class: 'select-all' }, all, s.selectAll), h('label', { for: 'ack-note' }, s.note), note, ackButton),
    outcome,
    status,
    h('div', { class: 'table-scroll' }, h('table', { class: 'stack inbox-table', 'data-testid': 'anomaly-table' }, h('thead', {}, headRow), body)),
    more,
  );
  drawFilters();
  void load(true);
  return section;
}

export const anomaliesView: View = {
  name: 'anomalies',
  title: () => pick(STRINGS).nav,
  render: renderInbox,
};
