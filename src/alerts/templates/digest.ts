import { SEVERITIES, type Severity } from '../../anomalies/types.js';
import { SEVERITY_NAMES } from '../copy.js';
import type { AlertItem } from '../types.js';
import { escapeHtml, headerSafe, htmlDocument, itemHtml, itemText, type MailContent, type RenderContext } from './render.js';

const WORDS = {
  tr: {
    subject: (n: number, o: number) => `[shipwatch] Günlük özet: ${n} yeni, ${o} açık sorun`,
    fresh: 'Son özetten bu yana yeni',
    open: 'Hâlâ açık',
    none: 'Yok.',
  },
  en: {
    subject: (n: number, o: number) => `[shipwatch] Digest: ${n} new, ${o} open problems`,
    fresh: 'New since the last digest',
    open: 'Still open',
    none: 'None.',
  },
} as const;

/** The digest: what opened since the last one and what is still open, each grouped by severity. */
export function renderDigestMail(fresh: readonly AlertItem[], open: readonly AlertItem[], ctx: RenderContext): MailContent {
  const w = WORDS[ctx.language];
  const subject = headerSafe(w.subject(fresh.length, open.length));
  const sections = [
    { title: w.fresh, items: fresh },
    { title: w.open, items: open },
  ];
  const text = sections
    .map(({ title, items }) => `== ${title} (${items.length}) ==\n\n${items.length === 0 ? w.none : bySeverity(items).map(([severity, group]) => `-- ${SEVERITY_NAMES[severity][ctx.language]} (${group.length}) --\n\n${group.map((i) => itemText(i, ctx)).join('\n\n')}`).join('\n\n')}`)
    .join('\n\n');
  const html = sections
    .map(({ title, items }) => {
      const groups = bySeverity(items)
        .map(([severity, group]) => `<h3>${escapeHtml(SEVERITY_NAMES[severity][ctx.language])} (${group.length})</h3>\n${group.map((i) => itemHtml(i, ctx)).join('\n<hr>\n')}`)
        .join('\n');
      return `<h2>${escapeHtml(title)} (${items.length})</h2>\n${items.length === 0 ? `<p>${escapeHtml(w.none)}</p>` : groups}`;
    })
    .join('\n');
  return { subject, text: `${text}\n`, html: htmlDocument(subject, html, ctx.language) };
}

function bySeverity(items: readonly AlertItem[]): [Severity, AlertItem[]][] {
  return SEVERITIES.map((severity): [Severity, AlertItem[]] => [severity, items.filter((i) => i.anomaly.severity === severity)]).filter(
    ([, group]) => group.length > 0,
  );
}
