import { randomBytes } from 'node:crypto';

let lastTime = 0;
let sequence = 0;

/**
 * Time-ordered ids (`shp_` + ms timestamp + sequence + randomness), so ordering by id is ordering
 * by creation, even within one millisecond, and cursor paging needs no second column.
 */
export function newId(prefix: string, now: Date = new Date()): string {
  const ms = now.getTime();
  sequence = ms === lastTime ? sequence + 1 : 0;
  lastTime = ms;
  const time = ms.toString(36).padStart(9, '0');
  const seq = sequence.toString(36).padStart(4, '0');
  return `${prefix}_${time}${seq}${randomBytes(6).toString('hex')}`;
}
