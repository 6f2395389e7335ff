/**
 * Blanks credentials in a carrier's answer before it is kept for diagnosis (the poll quarantine):
 * the values of JSON members, XML elements and attributes, form fields and header-style lines whose
 * name looks like a secret. It reads raw text rather than parsing, because the bodies worth keeping
 * are exactly the broken or truncated ones a parser refuses; it also finds JSON inside a JSON string
 * (ASMX services answer that way) and leaves every other byte as received.
 */

export const REDACTED = '[redacted]';

/** Secret-looking names (issue 6), plus `parola`, `client_id` (half of an OAuth credential) and Turkish capitals. */
const SECRET_WORDS = 'token|secret|passw(?:or)?d|parola|[sş][iİı]fre|jwt|authori[sz]ation|api[-_]?key|client[-_]?id';

/** Whether a field name looks like it holds a credential (`access_token`, `wsPassword`, `Şifre`, `client_id`…). */
export const SECRET_NAME = new RegExp(SECRET_WORDS, 'iu');

/** Characters that end a field name in any of the formats above. */
const NOT_NAME = /[\s"'<>/=:&?,;{}[\]()\\]/u;

/** Longer start tags are not looked for: real ones are far shorter. */
const MAX_TAG_LENGTH = 4096;

type Cut = readonly [start: number, end: number, replacement: string];

export function redactSecrets(text: string): string {
  // Most answers name no secret at all: one scan, no copy.
  if (!SECRET_NAME.test(text)) return text;
  const words = new RegExp(SECRET_WORDS, 'giu');
  const cuts: Cut[] = [];
  for (let match = words.exec(text); match !== null; match = words.exec(text)) {
    let nameStart = match.index;
    while (nameStart > 0 && isNameChar(text[nameStart - 1])) nameStart--;
    let nameEnd = match.index + match[0].length;
    while (nameEnd < text.length && isNameChar(text[nameEnd])) nameEnd++;
    const cut = valueCut(text, nameStart, nameEnd);
    if (cut) cuts.push(cut);
    // A value may itself hold secret-looking names; it is gone already, so search after it.
    words.lastIndex = Math.max(nameEnd, cut ? cut[1] : 0);
  }
  let out = '';
  let from = 0;
  for (const [start, end, replacement] of cuts) {
    out += text.slice(from, start) + replacement;
    from = end;
  }
  return out + text.slice(from);
}

function isNameChar(c: string | undefined): boolean {
  return c !== undefined && !NOT_NAME.test(c);
}

/** Where the value named at [nameStart, nameEnd) lies, and what replaces it; null when it names nothing. */
function valueCut(text: string, nameStart: number, nameEnd: number): Cut | null {
  return jsonMemberCut(text, nameStart, nameEnd) ?? xmlElementCut(text, nameStart, nameEnd) ?? fieldCut(text, nameEnd);
}

/** `"token": value`, or `\"token\": \"value\"` inside a JSON string. */
function jsonMemberCut(text: string, nameStart: number, nameEnd: number): Cut | null {
  if (text[nameStart - 1] !== '"') return null;
  const escaped = text[nameStart - 2] === '\\';
  const quote = escaped ? '\\"' : '"';
  if (!text.startsWith(quote, nameEnd)) return null;
  let at = skipSpace(text, nameEnd + quote.length);
  if (text[at] !== ':') return null;
  at = skipSpace(text, at + 1);
  if (at >= text.length) return null;
  const replacement = `${quote}${REDACTED}${quote}`;
  if (text.startsWith(quote, at)) {
    const end = escaped ? indexOrEnd(text, '\\"', at + 2, 2) : endOfJsonString(text, at);
    return [at, end, replacement];
  }
  if (text[at] === '{' || text[at] === '[') return [at, endOfJsonStructure(text, at, escaped), replacement];
  const end = scanUntil(text, at, /[,}\]\s\\]/u);
  return end > at ? [at, end, replacement] : null;
}

/** `<Token>value</Token>` or `<ns:Password attr="…">value</ns:Password>`; a truncated one to the end. */
function xmlElementCut(text: string, nameStart: number, nameEnd: number): Cut | null {
  let open = nameStart - 1;
  if (text[open] === ':') {
    while (open > 0 && isNameChar(text[open - 1])) open--;
    open--;
  }
  if (open < 0 || text[open] !== '<') return null;
  // Bounded, so a body full of unclosed `<token` costs no more than a linear scan.
  const tagEnd = text.slice(nameEnd, nameEnd + MAX_TAG_LENGTH).indexOf('>') + nameEnd;
  if (tagEnd < nameEnd || text[tagEnd - 1] === '/') return null;
  if (tagEnd !== nameEnd && !/\s/u.test(text[nameEnd] ?? '')) return null;
  const qualifiedName = text.slice(open + 1, nameEnd);
  const contentStart = tagEnd + 1;
  const close = new RegExp(`</${escapeRegExp(qualifiedName)}\\s*>`, 'gu');
  close.lastIndex = contentStart;
  const closing = close.exec(text);
  const contentEnd = closing ? closing.index : text.length;
  return contentEnd > contentStart ? [contentStart, contentEnd, REDACTED] : null;
}

/** `password="x"` (XML attribute), `access_token=x&…` (form), `Authorization: Bearer x` (header style). */
function fieldCut(text: string, nameEnd: number): Cut | null {
  let at = skipBlanks(text, nameEnd);
  const separator = text[at];
  if (separator !== '=' && separator !== ':') return null;
  at = skipBlanks(text, at + 1);
  const quote = text[at];
  if (quote === '"' || quote === "'") {
    const end = indexOrEnd(text, quote, at + 1, 0);
    return end > at + 1 ? [at + 1, end, REDACTED] : null;
  }
  const end = scanUntil(text, at, separator === '=' ? /[&\s<>"']/u : /[\r\n<>"',;}&]/u);
  return end > at ? [at, end, REDACTED] : null;
}

function endOfJsonString(text: string, at: number): number {
  let i = at + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return text.length;
}

/** The end of an object or array value; strings are skipped so their brackets do not count. */
function endOfJsonStructure(text: string, at: number, escaped: boolean): number {
  let depth = 0;
  let i = at;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && !escaped) {
      i = endOfJsonString(text, i);
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    i++;
    if (depth === 0) return i;
  }
  return text.length;
}

function indexOrEnd(text: string, needle: string, from: number, include: number): number {
  const at = text.indexOf(needle, from);
  return at < 0 ? text.length : at + include;
}

function scanUntil(text: string, from: number, stop: RegExp): number {
  let i = from;
  while (i < text.length && !stop.test(text[i] ?? '')) i++;
  return i;
}

function skipSpace(text: string, from: number): number {
  return scanUntil(text, from, /\S/u);
}

/** Spaces and tabs only: a header-style value never continues on the next line. */
function skipBlanks(text: string, from: number): number {
  return scanUntil(text, from, /[^ \t]/u);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
