/**
 * Acknowledge and resolve, wherever an anomaly is shown (lookup, inbox), and a shipment's own
 * anomaly list. Resolving needs a note
 * (the API refuses one without); acknowledging takes one if given. The buttons follow
 * `me.can`, but the API decides: a refusal shows as a readable message.
 */
import { ApiError, api } from '../api.js';
import type { Anomaly, AnomalySummary, BulkAcknowledgeResult, Me } from '../api-types.js';
import { anomalyDetailsText } from '../i18n/anomaly-details.js';
import { h } from '../dom.js';
import { formatInstant } from '../format.js';
import { fill, pick, type Strings } from '../i18n/language.js';
import { anomalyCodeLabel, severityBadge, stateBadge } from './badges.js';
import type { ViewContext } from './view.js';
import './lookup.css';

const STRINGS: Strings<
  | 'note'
  | 'notePlaceholder'
  | 'acknowledge'
  | 'resolve'
  | 'noteRequired'
  | 'acknowledged'
  | 'resolved'
  | 'forbidden'
  | 'unreachable'
  | 'failed'
  | 'anomalies'
  | 'noAnomalies'
  | 'resolvedHidden'
  | 'opened'
> = {
  tr: {
    note: 'Not',
    notePlaceholder: 'Not (çözmek için gerekli)',
    acknowledge: 'Gördüm',
    resolve: 'Çözüldü olarak işaretle',
    noteRequired: 'Çözmek için ne yapıldığını bir notla yazın.',
    acknowledged: 'Anomali görüldü olarak işaretlendi.',
    resolved: 'Anomali çözüldü.',
    forbidden: 'Bu işlem için yetkiniz yok.',
    unreachable: 'Sunucuya ulaşılamadı. Bağlantınızı kontrol edip tekrar deneyin.',
    failed: 'İşlem yapılamadı: {message}',
    anomalies: 'Anomaliler',
    noAnomalies: 'Açık anomali yok.',
    resolvedHidden: '{n} çözülmüş anomali listelenmedi.',
    opened: 'Açıldı: {at}',
  },
  en: {
    note: 'Note',
    notePlaceholder: 'Note (required to resolve)',
    acknowledge: 'Acknowledge',
    resolve: 'Resolve',
    noteRequired: 'Write a note saying what was done before resolving.',
    acknowledged: 'Anomaly acknowledged.',
    resolved: 'Anomaly resolved.',
    forbidden: 'Your key is not allowed to do this.',
    unreachable: 'Could not reach the server. Check the connection and try again.',
    failed: 'That did not work: {message}',
    anomalies: 'Anomalies',
    noAnomalies: 'No open anomalies.',
    resolvedHidden: '{n} resolved anomalies not listed.',
    opened: 'Opened: {at}',
  },
};

/** An error as a sentence for the notice bar: the API's own message, a plain one for 403 and for no network. */
export function describeError(error: unknown): string {
  const s = pick(STRINGS);
  if (error instanceof ApiError) {
    if (error.status === 403) return s.forbidden;
    return fill(s.failed, { message: error.field ? `${error.field}: ${error.message}` : error.message });
  }
  if (error instanceof TypeError) return s.unreachable;
  return fill(s.failed, { message: error instanceof Error ? error.message : String(error) });
}

export function acknowledgeAnomaly(id: string, note?: string): Promise<Anomaly> {
  return api.post<Anomaly>(`/v1/anomalies/${encodeURIComponent(id)}/acknowledge`, note ? { note } : {});
}

export function resolveAnomaly(id: string, note: string): Promise<Anomaly> {
  return api.post<Anomaly>(`/v1/anomalies/${encodeURIComponent(id)}/resolve`, { note });
}

/** The inbox's bulk action: each id succeeds or fails on its own. */
export function acknowledgeAnomalies(ids: readonly string[], note?: string): Promise<BulkAcknowledgeResult> {
  return api.post<BulkAcknowledgeResult>('/v1/anomalies/acknowledge', note ? { ids, note } : { ids });
}

/** Whether this person gets any button for an anomaly in this state. */
export function canActOn(me: Me, state: string): boolean {
  if (state === 'resolved') return false;
  return me.can.resolveAnomalies || (state === 'open' && me.can.acknowledgeAnomalies);
}

/**
 * A note field with Acknowledge (open anomalies only) and Resolve; null when the person may do
 * neither. `onChanged` runs after a success, so the caller can fetch what it shows again.
 */
export function anomalyActions(anomaly: Pick<Anomaly, 'id' | 'state'>, ctx: ViewContext, onChanged: () => void): HTMLElement | null {
  if (!canActOn(ctx.me, anomaly.state)) return null;
  const s = pick(STRINGS);
  const noteId = `note-${anomaly.id}`;
  const note = h('input', {
    id: noteId,
    type: 'text',
    class: 'anomaly-note',
    name: 'note',
    maxlength: 2000,
    autocomplete: 'off',
    placeholder: s.notePlaceholder,
    'data-testid': 'anomaly-note',
  });
  const message = h('p', { class: 'form-error', role: 'alert' });
  const buttons: HTMLButtonElement[] = [];

  const run = (action: () => Promise<Anomaly>, done: string) => {
    buttons.forEach((b) => (b.disabled = true));
    message.textContent = '';
    action()
      .then(() => {
        ctx.notify(done);
        onChanged();
      })
      .catch((error: unknown) => {
        buttons.forEach((b) => (b.disabled = false));
        const text = describeError(error);
        message.textContent = text;
        ctx.notify(text, 'error');
      });
  };

  if (anomaly.state === 'open' && ctx.me.can.acknowledgeAnomalies) {
    buttons.push(
      h(
        'button',
        { type: 'button', 'data-action': 'acknowledge', onclick: () => run(() => acknowledgeAnomaly(anomaly.id, note.value.trim()), s.acknowledged) },
        s.acknowledge,
      ),
    );
  }
  if (ctx.me.can.resolveAnomalies) {
    buttons.push(
      h(
        'button',
        {
          type: 'button',
          'data-action': 'resolve',
          onclick: () => {
            const text = note.value.trim();
            if (!text) {
              message.textContent = s.noteRequired;
              note.setAttribute('aria-invalid', 'true');
              note.focus();
              return;
            }
            note.removeAttribute('aria-invalid');
            run(() => resolveAnomaly(anomaly.id, text), s.resolved);
          },
        },
        s.resolve,
      ),
    );
  }

  return h(
    'form',
    { class: 'anomaly-actions', 'data-testid': 'anomaly-actions', onsubmit: (event: Event) => event.preventDefault() },
    h('label', { for: noteId, class: 'visually-hidden' }, s.note),
    note,
    ...buttons,
    message,
  );
}

/** A shipment's unresolved anomalies, each with its actions; resolved ones are only counted. */
export function shipmentAnomalies(anomalies: readonly AnomalySummary[], ctx: ViewContext, onChanged: () => void): HTMLElement {
  const s = pick(STRINGS);
  const unresolved = anomalies.filter((a) => a.state !== 'resolved');
  const resolved = anomalies.length - unresolved.length;
  return h(
    'section',
    { class: 'shipment-anomalies' },
    h('h3', {}, s.anomalies),
    unresolved.length === 0
      ? h('p', { class: 'muted', 'data-testid': 'no-anomalies' }, s.noAnomalies)
      : h(
          'ul',
          { class: 'anomaly-list' },
          ...unresolved.map((a) =>
            h(
              'li',
              { class: 'anomaly', 'data-testid': 'anomaly', 'data-anomaly-id': a.id, 'data-code': a.code, 'data-state': a.state },
              h('div', { class: 'anomaly-head' }, severityBadge(a.severity), ' ', anomalyCodeLabel(a.code), ' ', stateBadge(a.state)),
              h('div', { class: 'muted anomaly-meta' }, fill(s.opened, { at: formatInstant(a.openedAt) }), a.details && Object.keys(a.details).length ? ` · ${anomalyDetailsText(a.details)}` : ''),
              anomalyActions(a, ctx, onChanged),
            ),
          ),
        ),
    resolved > 0 ? h('p', { class: 'muted' }, fill(s.resolvedHidden, { n: resolved })) : null,
  );
}
