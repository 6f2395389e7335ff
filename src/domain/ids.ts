import { randomBytes } from 'node:crypto';

/**
 * Time-ordered ids (`shp_` + ms timestamp + randomness), so ordering by id is ordering by
 * creation and cursor paging needs no second column.
 */
export function newId(prefix: string, now: Date = new Date()): string {
  const time = now.getTime().toString(36).padStart(9, '0');
  const random = randomBytes(8).toString('hex');
  return `${prefix}_${time}${random}`;
}
