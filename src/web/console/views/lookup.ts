/**
 * Support's first screen: one box for a tracking number, shop reference or order id, and ONE
 * request (GET /v1/track/:number) that brings every matching shipment with its events and
 * anomalies. The number lives in the hash (`#/lookup/<number>`), so a language switch or a
 * reload shows the same answer.
 */
import { api } from '../api.js';
import type { ShipmentStory } from '../api-types.js';
import { h, replaceChildren, type Child } from '../dom.js';
import { formatInstant, formatPromise } from '../format.js';
import { fill, pick, type Strings } from '../i18n/language.js';
import { describeError, shipmentAnomalies } from './anomaly-actions.js';
import { lateBadge, statusBadge } from './badges.js';
import { renderTimeline } from './timeline.js';
import type { View, ViewContext } from './view.js';
import './lookup.css';

/** English is written out first so its keys type the Turkish half: a missing word is a compile error. */
const EN = {
  title: 'Lookup',
  heading: 'Look up a shipment',
  label: 'Tracking number, reference or order id',
  search: 'Search',
  prompt: 'Type a tracking number, shop reference or order id; every matching shipment is shown.',
  loading: 'Searching…',
  none: 'No shipment found for “{number}”. Check the number or try the order id.',
  foundOne: '1 shipment found',
  foundMany: '{n} shipments found',
  reference: 'Reference',
  orderId: 'Order id',
  carrier: 'Carrier',
  status: 'Status',
  promised: 'Promised by',
  estimated: 'Estimated delivery',
  delivered: 'Delivered',
  customer: 'Recipient',
  destination: 'Destination',
  carrierPage: "Open on the carrier's site",
  tracking: 'Tracking',
  nextPoll: 'Next check: {at}',
  lastPolled: 'Last check: {at}',
  lastError: 'Last error: {error}',
  stoppedAt: 'Tracking stopped: {at}',
  idle: 'The carrier is not being asked',
  refresh: 'Refresh now',
  refreshed: 'Carrier asked again: {n} new events.',
  refreshFailed: 'The carrier did not answer; the next scheduled check will try again.',
  stop: 'Stop tracking',
  stopQuestion: 'Stop tracking this shipment? The carrier will not be asked again.',
  stopYes: 'Yes, stop',
  cancel: 'Cancel',
  stopped: 'Tracking stopped.',
};

const STRINGS: Strings<keyof typeof EN> = {
  tr: {
    title: 'Sorgula',
    heading: 'Gönderi sorgula',
    label: 'Takip numarası, referans veya sipariş no',
    search: 'Ara',
    prompt: 'Takip numarası, mağaza referansı ya da sipariş numarası yazın; eşleşen bütün gönderiler gelir.',
    loading: 'Aranıyor…',
    none: '“{number}” için gönderi bulunamadı. Numarayı kontrol edin ya da sipariş numarasıyla arayın.',
    foundOne: '1 gönderi bulundu',
    foundMany: '{n} gönderi bulundu',
    reference: 'Referans',
    orderId: 'Sipariş no',
    carrier: 'Kargo firması',
    status: 'Durum',
    promised: 'Söz verilen teslim',
    estimated: 'Tahmini teslim',
    delivered: 'Teslim edildi',
    customer: 'Alıcı',
    destination: 'Varış yeri',
    carrierPage: 'Kargo firmasının sayfasında aç',
    tracking: 'Takip',
    nextPoll: 'Sonraki sorgu: {at}',
    lastPolled: 'Son sorgu: {at}',
    lastError: 'Son hata: {error}',
    stoppedAt: 'Takip durduruldu: {at}',
    idle: 'Kargo firmasına sorulmuyor',
    refresh: 'Şimdi sorgula',
    refreshed: 'Kargo firmasına soruldu: {n} yeni hareket.',
    refreshFailed: 'Kargo firmasından yanıt alınamadı; sonraki sorguda tekrar denenecek.',
    stop: 'Takibi durdur',
    stopQuestion: 'Bu gönderinin takibi durdurulsun mu? Kargo firmasına artık sorulmaz.',
    stopYes: 'Evet, durdur',
    cancel: 'Vazgeç',
    stopped: 'Takip durduruldu.',
  },
  en: EN,
};

type Words = Record<keyof typeof EN, string>;

export const lookupView: View = {
  name: 'lookup',
  title: () => pick(STRINGS).title,
  render: (ctx) => renderLookup(ctx),
};

function renderLookup(ctx: ViewContext): HTMLElement {
  const s: Words = pick(STRINGS);
  const current = ctx.params[0] ?? '';
  const input = h('input', {
    id: 'lookup-number',
    type: 'search',
    name: 'number',
    value: current,
    maxlength: 128,
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    'data-testid': 'lookup-input',
  });
  const results = h('div', { class: 'lookup-results', 'data-testid': 'lookup-results' });
  let generation = 0;

  /**
   * The only request this view makes; a newer search wins over a slower older one. After an action
   * the old answer stays on screen until the new one arrives, so the page does not jump.
   */
  const load = (number: string, again = false) => {
    const mine = ++generation;
    results.setAttribute('aria-busy', 'true');
    if (!again) replaceChildren(results, h('p', { class: 'loading', 'data-testid': 'loading' }, s.loading));
    api
      .get<{ items: ShipmentStory[] }>(`/v1/track/${encodeURIComponent(number)}`)
      .then(({ items }) => {
        if (mine !== generation) return;
        replaceChildren(results, ...renderAnswer(number, items, ctx, s, () => load(number, true)));
      })
      .catch((error: unknown) => {
        if (mine !== generation) return;
        const text = describeError(error);
        replaceChildren(results, h('p', { class: 'form-error', role: 'alert', 'data-testid': 'lookup-error' }, text));
      })
      .finally(() => {
        if (mine === generation) results.removeAttribute('aria-busy');
      });
  };

  const form = h(
    'form',
    {
      class: 'lookup-form',
      role: 'search',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const number = input.value.trim();
        if (!number) return;
        // The same number again: hashchange would not fire, so ask again here.
        if (number === current) load(number);
        else ctx.navigate(`#/lookup/${encodeURIComponent(number)}`);
      },
    },
    h('label', { for: 'lookup-number' }, s.label),
    h('div', { class: 'lookup-row' }, input, h('button', { type: 'submit', class: 'primary', 'data-testid': 'lookup-submit' }, s.search)),
  );

  if (current) load(current);
  else replaceChildren(results, h('p', { class: 'muted' }, s.prompt));
  return h('section', { class: 'view lookup-view' }, h('h1', {}, s.heading), form, results);
}

function renderAnswer(number: string, items: ShipmentStory[], ctx: ViewContext, s: Words, reload: () => void): Child[] {
  if (items.length === 0) return [h('p', { class: 'empty', 'data-testid': 'lookup-empty' }, fill(s.none, { number }))];
  return [
    h('p', { class: 'muted', 'data-testid': 'lookup-count' }, items.length === 1 ? s.foundOne : fill(s.foundMany, { n: items.length })),
    ...items.map((story) => renderShipment(story, ctx, s, reload)),
  ];
}

function fact(label: string, ...value: Child[]): HTMLElement[] {
  return [h('dt', {}, label), h('dd', {}, ...value)];
}

function renderShipment(story: ShipmentStory, ctx: ViewContext, s: Words, reload: () => void): HTMLElement {
  // The heading is the number people quote; the other numbers it is known by sit under it.
  const number = story.trackingNumber ?? story.reference ?? story.orderId ?? story.id;
  const ids: Child[] = [
    story.reference && story.reference !== number && h('span', { class: 'id' }, `${s.reference}: ${story.reference}`),
    story.orderId && story.orderId !== number && h('span', { class: 'id' }, `${s.orderId}: ${story.orderId}`),
  ];
  const destination = [story.destination?.city, story.destination?.country].filter(Boolean).join(', ');
  const facts = h(
    'dl',
    { class: 'facts' },
    ...fact(s.carrier, h('span', { 'data-testid': 'carrier-name' }, story.carrierName)),
    ...fact(s.status, statusBadge(story.status, story.substatus)),
    ...fact(s.promised, h('span', { 'data-testid': 'promised' }, formatPromise(story.promisedBy)), ' ', lateBadge(story.late)),
    ...(story.estimatedDelivery ? fact(s.estimated, formatPromise(story.estimatedDelivery)) : []),
    ...(story.deliveredAt ? fact(s.delivered, formatInstant(story.deliveredAt)) : []),
    ...(story.customer?.name ? fact(s.customer, h('span', { 'data-testid': 'customer-name' }, story.customer.name)) : []),
    ...(destination ? fact(s.destination, destination) : []),
    ...fact(s.tracking, ...trackingState(story, s)),
  );
  // Built by the server from the carrier's template; anything but a web address is not a link.
  const link = story.publicTrackingUrl && /^https?:\/\//.test(story.publicTrackingUrl)
    ? h('a', { class: 'carrier-link', href: story.publicTrackingUrl, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'carrier-link' }, s.carrierPage)
    : null;
  return h(
    'article',
    { class: 'card shipment-card', 'data-testid': 'shipment', 'data-shipment-id': story.id },
    h(
      'header',
      { class: 'shipment-head' },
      h('h2', {}, h('span', { class: 'number', 'data-testid': 'shipment-number' }, number), statusBadge(story.status), lateBadge(story.late)),
      h('div', { class: 'ids' }, ...ids),
    ),
    facts,
    h('div', { class: 'shipment-actions' }, link, ...shipmentActions(story, ctx, s, reload)),
    shipmentAnomalies(story.anomalies, ctx, reload),
    renderTimeline(story.events),
  );
}

function trackingState(story: ShipmentStory, s: Words): Child[] {
  const t = story.tracking;
  const lines: Child[] = [];
  if (t.stoppedAt) lines.push(h('span', { 'data-testid': 'tracking-stopped' }, fill(s.stoppedAt, { at: formatInstant(t.stoppedAt) })));
  else if (t.nextPollAt) lines.push(h('span', {}, fill(s.nextPoll, { at: formatInstant(t.nextPollAt) }), t.nextPollReason ? h('span', { class: 'muted' }, ` (${t.nextPollReason})`) : null));
  else lines.push(h('span', { class: 'muted' }, s.idle));
  if (t.lastPolledAt) lines.push(h('span', { class: 'muted' }, fill(s.lastPolled, { at: formatInstant(t.lastPolledAt) })));
  if (t.lastError) lines.push(h('span', { class: 'tracking-error' }, fill(s.lastError, { error: t.lastError })));
  return [h('span', { class: 'tracking-state' }, ...lines)];
}

/** Refresh and stop: merchant and admin only; stopping asks first, inline (no blocking dialog). */
function shipmentActions(story: ShipmentStory, ctx: ViewContext, s: Words, reload: () => void): Child[] {
  if (story.tracking.stoppedAt) return [];
  const buttons: HTMLButtonElement[] = [];
  const fail = (error: unknown) => {
    buttons.forEach((b) => (b.disabled = false));
    ctx.notify(describeError(error), 'error');
  };
  const id = encodeURIComponent(story.id);
  // Refresh asks the carrier now: pointless for a shipment no carrier API is asked about.
  if (ctx.me.can.refreshShipments && story.tracking.polled) {
    buttons.push(
      h(
        'button',
        {
          type: 'button',
          'data-action': 'refresh',
          onclick: () => {
            buttons.forEach((b) => (b.disabled = true));
            api
              .post<{ refresh: { eventsAdded: number; failed: boolean } }>(`/v1/shipments/${id}/refresh`)
              .then(({ refresh }) => {
                ctx.notify(refresh.failed ? s.refreshFailed : fill(s.refreshed, { n: refresh.eventsAdded }), refresh.failed ? 'error' : 'info');
                reload();
              })
              .catch(fail);
          },
        },
        s.refresh,
      ),
    );
  }
  if (!ctx.me.can.stopTracking) return buttons;
  const confirm = h(
    'div',
    { class: 'confirm', role: 'group', hidden: true, 'data-testid': 'stop-confirm' },
    h('span', {}, s.stopQuestion),
    h(
      'button',
      {
        type: 'button',
        class: 'danger',
        'data-action': 'stop-confirm',
        onclick: () => {
          buttons.forEach((b) => (b.disabled = true));
          api
            .delete(`/v1/shipments/${id}`)
            .then(() => {
              ctx.notify(s.stopped);
              reload();
            })
            .catch(fail);
        },
      },
      s.stopYes,
    ),
    h('button', { type: 'button', onclick: () => (confirm.hidden = true) }, s.cancel),
  );
  buttons.push(h('button', { type: 'button', 'data-action': 'stop', onclick: () => (confirm.hidden = false) }, s.stop));
  return [...buttons, confirm];
}
