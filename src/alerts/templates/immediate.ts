import { SEVERITY_NAMES } from '../copy.js';
import type { AlertItem } from '../types.js';
import { headerSafe, htmlDocument, itemHtml, itemText, itemTitle, type MailContent, type RenderContext } from './render.js';

/** One mail for one critical anomaly, sent within minutes. */
export function renderImmediateMail(item: AlertItem, ctx: RenderContext): MailContent {
  const subject = headerSafe(`[shipwatch] ${SEVERITY_NAMES[item.anomaly.severity][ctx.language]}: ${itemTitle(item, ctx)}`);
  return {
    subject,
    text: `${itemText(item, ctx)}\n`,
    html: htmlDocument(subject, itemHtml(item, ctx), ctx.language),
  };
}
