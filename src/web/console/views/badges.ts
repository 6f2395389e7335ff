/**
 * Small labelled marks the views share: a shipment's status, an anomaly's severity and state, the
 * late flag. The words come from vocabulary.ts; the raw code stays in a data attribute so tests and
 * stylesheets do not depend on the language.
 */
import { h } from '../dom.js';
import { pick, type Strings } from '../i18n/language.js';
import { anomalyLabel, severityLabel, stateLabel, statusLabel, substatusLabel } from '../i18n/vocabulary.js';

const STRINGS: Strings<'late' | 'lateTitle'> = {
  tr: { late: 'Gecikti', lateTitle: 'Söz verilen teslim zamanı geçti' },
  en: { late: 'Late', lateTitle: 'The promised delivery time has passed' },
};

/**
 * "Yolda" in a badge, the finer substatus beside it in small print ("aktarma merkezinde"), its code
 * in the tooltip and a data attribute for whoever needs the exact value.
 */
export function statusBadge(status: string, substatus?: string | null): HTMLElement {
  const badge = h('span', { class: `badge status status-${status}`, 'data-status': status, 'data-testid': 'status' }, statusLabel(status));
  if (!substatus) return badge;
  const detail = h('span', { class: 'substatus muted', 'data-testid': 'substatus', 'data-substatus': substatus, title: substatus }, substatusLabel(substatus));
  return h('span', { class: 'status-line' }, badge, ' ', detail);
}

export function severityBadge(severity: string): HTMLElement {
  return h('span', { class: `badge severity-${severity}`, 'data-severity': severity }, severityLabel(severity));
}

export function stateBadge(state: string): HTMLElement {
  return h('span', { class: `badge state state-${state}`, 'data-state': state }, stateLabel(state));
}

export function anomalyCodeLabel(code: string): HTMLElement {
  return h('span', { class: 'anomaly-code', 'data-code': code }, anomalyLabel(code));
}

/** The late flag, or nothing: a shipment without a deadline is neither late nor on time. */
export function lateBadge(late: boolean): HTMLElement | null {
  const s = pick(STRINGS);
  return late ? h('span', { class: 'badge late', 'data-testid': 'late', title: s.lateTitle }, s.late) : null;
}
