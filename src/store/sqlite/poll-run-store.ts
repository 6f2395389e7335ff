import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { pollRuns } from '../../../db/schema.js';
import type { SqliteDb } from '../../../db/connection.js';
import type { PollRun, PollRunStore } from '../types.js';

export function createSqlitePollRunStore(db: SqliteDb): PollRunStore {
  return {
    async record(run) {
      db.insert(pollRuns).values(run).run();
    },
    async recentForCarrier(carrier, limit) {
      return db
        .select()
        .from(pollRuns)
        .where(eq(pollRuns.carrier, carrier))
        .orderBy(desc(pollRuns.finishedAt))
        .limit(limit)
        .all()
        .map((r): PollRun => ({ ...r, trigger: r.trigger === 'refresh' ? 'refresh' : 'tick' }));
    },
    async lastTick() {
      const last = db
        .select({ tickId: pollRuns.tickId })
        .from(pollRuns)
        .where(eq(pollRuns.trigger, 'tick'))
        .orderBy(desc(pollRuns.finishedAt))
        .limit(1)
        .get();
      if (!last) return null;
      const span = db
        .select({ startedAt: sql<number>`min(${pollRuns.startedAt})`, finishedAt: sql<number>`max(${pollRuns.finishedAt})` })
        .from(pollRuns)
        .where(eq(pollRuns.tickId, last.tickId))
        .get();
      if (!span) return null;
      return { tickId: last.tickId, startedAt: new Date(span.startedAt), finishedAt: new Date(span.finishedAt) };
    },
    async carrierActivity() {
      const rows = db
        .select({
          carrier: pollRuns.carrier,
          lastSuccessAt: sql<number | null>`max(case when ${pollRuns.found} + ${pollRuns.notFound} > 0 then ${pollRuns.finishedAt} end)`,
          lastFailureAt: sql<number | null>`max(case when ${pollRuns.failed} > 0 then ${pollRuns.finishedAt} end)`,
        })
        .from(pollRuns)
        .groupBy(pollRuns.carrier)
        .all();
      const activity: Record<string, { lastSuccessAt: Date | null; lastFailureAt: Date | null; lastFailure: string | null }> = {};
      for (const r of rows) {
        const failure = r.lastFailureAt
          ? db
              .select({ summary: pollRuns.failureSummary })
              .from(pollRuns)
              .where(and(eq(pollRuns.carrier, r.carrier), eq(pollRuns.finishedAt, new Date(r.lastFailureAt))))
              .limit(1)
              .get()
          : undefined;
        activity[r.carrier] = {
          lastSuccessAt: r.lastSuccessAt ? new Date(r.lastSuccessAt) : null,
          lastFailureAt: r.lastFailureAt ? new Date(r.lastFailureAt) : null,
          lastFailure: failure?.summary ?? null,
        };
      }
      return activity;
    },
    async eventCountsSince(since) {
      // Reads only the window's rows through the poll_runs_finished_at index.
      const rows = db
        .select({
          carrier: pollRuns.carrier,
          added: sql<number>`coalesce(sum(${pollRuns.eventsAdded}), 0)`,
          unmapped: sql<number>`coalesce(sum(${pollRuns.eventsUnmapped}), 0)`,
        })
        .from(pollRuns)
        .where(gte(pollRuns.finishedAt, since))
        .groupBy(pollRuns.carrier)
        .all();
      return Object.fromEntries(rows.map((r) => [r.carrier, { added: r.added, unmapped: r.unmapped }]));
    },
    async failuresSince(since) {
      return (
        db
          .select({ n: sql<number>`coalesce(sum(${pollRuns.failed}), 0)` })
          .from(pollRuns)
          .where(gte(pollRuns.finishedAt, since))
          .get()?.n ?? 0
      );
    },
  };
}
