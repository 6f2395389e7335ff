/**
 * Sends what the outbox holds (DESIGN §9): one mail per critical anomaly within a mailer tick, and
 * a digest on its schedule. A row is marked sent only after the server accepted the mail; failures
 * retry with back-off. See docs/alerts.md for the one window where a mail can go out twice.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config/load.js';
import { createCronJob, type CronJob } from '../jobs/cron-job.js';
import { noMetrics, type Metrics } from '../metrics/types.js';
import { renderDigestMail } from './templates/digest.js';
import { renderImmediateMail } from './templates/immediate.js';
import type { RenderContext } from './templates/render.js';
import type { AlertTransport } from './transport.js';
import type { AlertStore } from './types.js';

const MINUTE = 60_000;
const RETRY_CAP = 60 * MINUTE;
const BATCH = 100;
/** A digest lists at most this many items per section; the rest are counted, not listed. */
const DIGEST_LIMIT = 500;

export interface MailerDeps {
  store: AlertStore;
  transport: AlertTransport;
  alerts: Config['alerts'];
  timeZone: string;
  now: () => Date;
  logger: Logger;
  random?: () => number;
  /** Counts mails accepted and failed, by kind (critical, digest). */
  metrics?: Metrics;
}

export interface Mailer {
  /** Sends due critical mails, and a digest still owed from a failed attempt. */
  tick(): Promise<{ sent: number; failed: number }>;
  sendDigest(): Promise<{ sent: boolean; newCount: number; openCount: number }>;
  start(): void;
  stop(): Promise<void>;
}

export function retryDelay(attempts: number, random: () => number = Math.random): number {
  const base = MINUTE * 2 ** Math.min(Math.max(0, attempts - 1), 20);
  return Math.min(base * (1 + 0.1 * random()), RETRY_CAP);
}

/** Same digest, same id: derived from the openings it lists, so a retry or a resend after a restart keeps it. */
export function digestMessageId(rowIds: readonly number[], localDate: string): string {
  const key = rowIds.length > 0 ? rowIds.join(',') : `open-${localDate}`;
  return `<digest-${createHash('sha256').update(key).digest('hex').slice(0, 20)}@shipwatch>`;
}

export function createMailer(deps: MailerDeps): Mailer {
  const log = deps.logger.child({ component: 'mailer' });
  const random = deps.random ?? Math.random;
  const metrics = deps.metrics ?? noMetrics;
  const ctx: RenderContext = { language: deps.alerts.language, timeZone: deps.timeZone, publicUrl: deps.alerts.publicUrl };
  // A digest that failed is owed until it goes through; the next tick retries it after its back-off.
  let owedDigest: { attempts: number; notBefore: number } | null = null;

  async function sendImmediate(): Promise<{ sent: number; failed: number }> {
    const now = deps.now();
    const due = await deps.store.pendingImmediate(now, BATCH);
    let sent = 0;
    let failed = 0;
    for (const { row, item } of due) {
      // Each row on its own: one that cannot be rendered, sent or recorded never holds up the others.
      // The mail is counted once: accepted by the server, or failed (render or send).
      let counted = false;
      try {
        const mail = renderImmediateMail(item, ctx);
        try {
          await deps.transport.send({ ...mail, to: deps.alerts.to, from: deps.alerts.from, messageId: `<anomaly-${row.anomalyId}@shipwatch>` });
        } catch (error) {
          failed += 1;
          metrics.mailFailed('critical');
          counted = true;
          const reason = error instanceof Error ? error.message : 'send failed';
          await deps.store.markAttemptFailed([row.id], reason, new Date(now.getTime() + retryDelay(row.attempts + 1, random)));
          log.warn({ anomalyId: row.anomalyId, attempts: row.attempts + 1, reason }, 'critical alert mail not accepted; will retry');
          continue;
        }
        metrics.mailSent('critical');
        counted = true;
        await deps.store.markImmediateSent(row.id, deps.now());
        sent += 1;
        log.info({ anomalyId: row.anomalyId, code: item.anomaly.code }, 'critical alert mail sent');
      } catch (error) {
        failed += 1;
        if (!counted) metrics.mailFailed('critical');
        log.error({ err: error, anomalyId: row.anomalyId }, 'could not process a critical alert');
      }
    }
    return { sent, failed };
  }

  async function sendDigest(): Promise<{ sent: boolean; newCount: number; openCount: number }> {
    const now = deps.now();
    const fresh = await deps.store.pendingDigest(DIGEST_LIMIT);
    const listedAsNew = new Set(fresh.map((p) => p.item.anomaly.id));
    // "Still open" is what was open before: new anomalies are listed once, under "new".
    const open = (await deps.store.unresolved(DIGEST_LIMIT + listedAsNew.size)).filter((i) => !listedAsNew.has(i.anomaly.id)).slice(0, DIGEST_LIMIT);
    const counts = { newCount: fresh.length, openCount: open.length };
    if (fresh.length === 0 && open.length === 0) {
      owedDigest = null;
      return { sent: false, ...counts };
    }
    const mail = renderDigestMail(
      fresh.map((p) => p.item),
      open,
      ctx,
    );
    try {
      const messageId = digestMessageId(
        fresh.map((p) => p.row.id),
        now.toISOString().slice(0, 10),
      );
      await deps.transport.send({ ...mail, to: deps.alerts.to, from: deps.alerts.from, messageId });
    } catch (error) {
      const attempts = (owedDigest?.attempts ?? 0) + 1;
      owedDigest = { attempts, notBefore: now.getTime() + retryDelay(attempts, random) };
      metrics.mailFailed('digest');
      const reason = error instanceof Error ? error.message : 'send failed';
      log.warn({ attempts, reason }, 'digest not accepted; will retry');
      return { sent: false, ...counts };
    }
    owedDigest = null;
    metrics.mailSent('digest');
    await deps.store.recordDigest(
      fresh.map((p) => p.row.id),
      deps.now(),
      counts,
    );
    log.info(counts, 'digest sent');
    return { sent: true, ...counts };
  }

  async function tick(): Promise<{ sent: number; failed: number }> {
    const result = await sendImmediate();
    if (owedDigest && deps.now().getTime() >= owedDigest.notBefore) {
      const digest = await sendDigest();
      if (digest.sent) result.sent += 1;
      else if (owedDigest) result.failed += 1;
    }
    return result;
  }

  // Every send goes through one queue, so a cron tick and a direct call never mail the same row twice.
  let queue: Promise<unknown> = Promise.resolve();
  function serially<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }
  const serialTick = () => serially(tick);
  const serialDigest = () => serially(sendDigest);

  const jobs: CronJob<unknown>[] = [
    createCronJob({ name: 'mailer', cron: deps.alerts.mailerCron, timeZone: deps.timeZone, logger: deps.logger, run: serialTick }),
    createCronJob({ name: 'digest', cron: deps.alerts.digestCron, timeZone: deps.timeZone, logger: deps.logger, run: serialDigest }),
  ];

  return {
    tick: serialTick,
    sendDigest: serialDigest,
    start() {
      for (const job of jobs) job.start();
    },
    async stop() {
      for (const job of jobs) await job.stop();
      await deps.transport.close();
    },
  };
}
