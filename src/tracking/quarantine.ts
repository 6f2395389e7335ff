/**
 * The poll quarantine (issue 6 §3): when a carrier's answer cannot be read, the numbers concerned
 * are not ingested and the answer is kept, secrets redacted, so someone can see what the carrier
 * actually sent. The poller wraps a batch in captureResponses and hands the outcomes and the
 * captured answers to quarantineMalformed.
 */
import type { TrackOutcome } from '../../carriers/contract.js';
import { captureResponses, type CapturedResponse } from '../../carriers/http.js';
import { redactSecrets } from '../../carriers/response-redaction.js';
import type { QuarantinedResponse, Store } from '../store/types.js';

export { captureResponses, type CapturedResponse };

/** Per carrier, the newest entries kept; older ones are deleted as new ones arrive. */
export const QUARANTINE_ENTRIES_PER_CARRIER = 1000;
/** Bodies kept per entry, so a batch of many one-number requests stays a bounded row. */
export const QUARANTINE_BODY_BUDGET_BYTES = 256 * 1024;

export interface PollAnswers {
  carrier: string;
  tickId: string;
  outcomes: ReadonlyMap<string, TrackOutcome>;
  responses: readonly CapturedResponse[];
  now: Date;
}

/**
 * Writes one entry when at least one outcome is `failed` with kind `malformed`; returns how many
 * entries it wrote (0 or 1). Answers that concern only numbers read correctly are left out: their
 * data was ingested and has no business in a diagnosis store.
 */
export async function quarantineMalformed(
  store: Pick<Store, 'quarantine'>,
  poll: PollAnswers,
  keepPerCarrier = QUARANTINE_ENTRIES_PER_CARRIER,
): Promise<number> {
  const malformed: string[] = [];
  const readable: string[] = [];
  const details = new Set<string>();
  for (const [number, outcome] of poll.outcomes) {
    if (outcome.kind === 'failed' && outcome.failure.kind === 'malformed') {
      malformed.push(number);
      details.add(outcome.failure.detail);
    } else if (outcome.kind !== 'failed') {
      readable.push(number);
    }
  }
  if (malformed.length === 0) return 0;

  const kept: QuarantinedResponse[] = [];
  let budget = QUARANTINE_BODY_BUDGET_BYTES;
  let left = 0;
  for (const response of poll.responses) {
    if (!concernsUnreadable(response, malformed, readable)) continue;
    const body = redactSecrets(response.body);
    const size = Buffer.byteLength(body, 'utf8');
    if (kept.length > 0 && size > budget) {
      left++;
      continue;
    }
    budget -= size;
    // Field by field: whatever else a caller's object carries (headers…) is never stored.
    kept.push({ method: response.method, path: response.path, status: response.status, contentType: response.contentType, body });
  }
  const detail = [...details].join('; ') + (left > 0 ? ` (${left} more answers not kept)` : '');
  await store.quarantine.add(
    { carrier: poll.carrier, tickId: poll.tickId, receivedAt: poll.now, numbers: malformed, detail, responses: kept },
    keepPerCarrier,
  );
  return 1;
}

/**
 * Kept: answers naming an unreadable number, and answers naming no number of the batch (a token
 * answer, garbage). Left out: answers naming only numbers that were read.
 */
function concernsUnreadable(response: CapturedResponse, malformed: readonly string[], readable: readonly string[]): boolean {
  const text = `${response.path}\n${response.body}`.toUpperCase();
  const names = (n: string) => text.includes(n.toUpperCase());
  return malformed.some(names) || !readable.some(names);
}
