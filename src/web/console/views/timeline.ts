/**
 * A shipment's events as support reads them: newest first, the normalised status beside the
 * carrier's own words, where and when it happened in the place's own time, and who said so.
 */
import type { TrackingEvent } from '../api-types.js';
import { h } from '../dom.js';
import { formatEventTime } from '../format.js';
import { pick, type Strings } from '../i18n/language.js';
import { statusBadge } from './badges.js';

const STRINGS: Strings<'title' | 'empty' | 'source_poll' | 'source_manual' | 'source_push' | 'zoneUnknown' | 'carrierWords' | 'code'> = {
  tr: {
    title: 'Hareketler',
    empty: 'Kargo firmasından henüz hareket gelmedi.',
    source_poll: 'kargo firmasından',
    source_manual: 'elle girildi',
    source_push: 'kargo firması bildirdi',
    zoneUnknown: 'saat dilimi bilinmiyor',
    carrierWords: 'Kargo firmasının ifadesi',
    code: 'kod',
  },
  en: {
    title: 'Timeline',
    empty: 'No events from the carrier yet.',
    source_poll: 'from the carrier',
    source_manual: 'entered by hand',
    source_push: 'pushed by the carrier',
    zoneUnknown: 'time zone unknown',
    carrierWords: "The carrier's words",
    code: 'code',
  },
};

function sourceLabel(source: string, s: Record<string, string>): string {
  return s[`source_${source}`] ?? source;
}

/** "Kadıköy, İstanbul, TR" from whatever parts the carrier gave, without repeating itself. */
export function placeOf(event: Pick<TrackingEvent, 'location' | 'city' | 'country'>): string | null {
  const parts = [event.location, event.city, event.country].filter((p): p is string => Boolean(p));
  const unique = parts.filter((part, i) => !parts.slice(0, i).some((earlier) => earlier.includes(part)));
  return unique.length ? unique.join(', ') : null;
}

/** Events arrive newest first from the API (ordered in SQL); the order is kept as it is. */
export function renderTimeline(events: readonly TrackingEvent[]): HTMLElement {
  const s = pick(STRINGS);
  if (events.length === 0) return h('section', { class: 'timeline' }, h('h3', {}, s.title), h('p', { class: 'muted', 'data-testid': 'timeline-empty' }, s.empty));
  return h(
    'section',
    { class: 'timeline' },
    h('h3', {}, s.title),
    h(
      'ol',
      { class: 'timeline-list', 'data-testid': 'timeline' },
      ...events.map((event) => {
        const time = formatEventTime(event);
        const place = placeOf(event);
        return h(
          'li',
          { class: 'timeline-event', 'data-status': event.status, 'data-occurred-at': event.occurredAt ?? '' },
          h(
            'div',
            { class: 'event-when' },
            h('time', { class: 'event-time', ...(event.occurredAt && { datetime: event.occurredAt }) }, time.text),
            h('span', { class: 'event-zone muted' }, time.zone ?? s.zoneUnknown),
          ),
          h(
            'div',
            { class: 'event-what' },
            statusBadge(event.status, event.substatus),
            event.description
              ? h('q', { class: 'event-description', title: s.carrierWords, 'data-testid': 'event-description' }, event.description)
              : null,
            h(
              'div',
              { class: 'event-meta muted' },
              place ? h('span', { class: 'event-place' }, place) : null,
              event.carrierCode ? h('span', { class: 'event-code' }, `${s.code}: ${event.carrierCode}`) : null,
              h('span', { class: 'event-source', 'data-source': event.source }, sourceLabel(event.source, s)),
            ),
          ),
        );
      }),
    ),
  );
}
