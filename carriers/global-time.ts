/**
 * Global carriers disagree on what a timestamp means (research carriers-global.md §0.1): some send
 * an offset, some a UTC value beside the local one, some only a local wall clock, and some put a
 * "Z" on a local time. These helpers turn each shape into the event's UTC instant plus the zone
 * its local text is in, and never present a bare local time as UTC.
 */
import { UNKNOWN_TIME_ZONE } from './contract.js';

export interface CarrierTime {
  occurredAt: Date;
  /** The carrier's text as sent, several fields joined by one space. */
  localTime: string;
  /** A fixed offset (`-05:00`), `UTC`, or UNKNOWN_TIME_ZONE; see CarrierEvent.timeZone. */
  timeZone: string;
}

const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
const OFFSET = /^(?:Z|[+-]\d{2}:?\d{2})$/;

/** `2024-04-26T07:50:00-07:00` → that instant, local to `-07:00`. Null without an offset or Z. */
export function fromOffsetIso(text: string): CarrierTime | null {
  const trimmed = text.trim();
  const match = /^(.*?)(Z|[+-]\d{2}:?\d{2})$/.exec(trimmed);
  if (!match?.[1] || !match[2] || !LOCAL_ISO.test(match[1])) return null;
  const instant = new Date(trimmed);
  if (Number.isNaN(instant.getTime())) return null;
  const offset = match[2] === 'Z' ? 'UTC' : normaliseOffset(match[2]);
  return { occurredAt: instant, localTime: text, timeZone: offset };
}

/**
 * A local wall clock with no offset (`2023-05-08T10:37:00`). The instant is only known when the
 * caller knows the offset; otherwise it is an ordering estimate in UNKNOWN_TIME_ZONE.
 */
export function fromLocalIso(text: string, offset?: string | null): CarrierTime | null {
  const wall = readLocalIso(text);
  if (wall === null) return null;
  if (offset && OFFSET.test(offset.trim())) {
    const normal = offset.trim() === 'Z' ? 'UTC' : normaliseOffset(offset.trim());
    return { occurredAt: new Date(wall - offsetMinutes(normal) * 60_000), localTime: text, timeZone: normal };
  }
  return { occurredAt: new Date(wall), localTime: text, timeZone: UNKNOWN_TIME_ZONE };
}

/**
 * Takes the offset from the text if it has one, else reads it as a local wall clock of unknown
 * zone (DHL's offset-less event times).
 */
export function fromIsoAnyOffset(text: string): CarrierTime | null {
  return fromOffsetIso(text) ?? fromLocalIso(text);
}

/** The wall clock of a local ISO text as if it were UTC, in ms; null when unreadable. */
export function readLocalIso(text: string): number | null {
  const m = LOCAL_ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  const value = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? '0'), ms);
  const check = new Date(value);
  // Date.UTC rolls 31.02 over into March: a calendar-impossible text is unreadable, not moved.
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59 || Number(s ?? '0') > 59) {
    return null;
  }
  return value;
}

/** `+0300`, `+03:00` → `+03:00`; `+00:00` stays an offset (the carrier said so). */
export function normaliseOffset(offset: string): string {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset.trim());
  if (!m) return offset;
  return `${m[1]}${m[2]}:${m[3]}`;
}

/** Minutes east of UTC of `+03:00` / `-05:30` / `UTC`. */
export function offsetMinutes(offset: string): number {
  if (offset === 'UTC' || offset === 'Z') return 0;
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}
