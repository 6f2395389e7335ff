import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { makeTempDir } from '../support/temp-dir.js';

const dir = makeTempDir('poll-runs');
let store: Store;

beforeAll(() => {
  store = openSqliteStore(dir.path);
});
afterAll(async () => {
  await store.close();
  dir.remove();
});

const at = (iso: string) => new Date(iso);

function insertRun(carrier: string, finishedAt: string, eventsAdded: number, eventsUnmapped: number): Promise<void> {
  return store.pollRuns.record({
    tickId: `tick-${finishedAt}`,
    carrier,
    trigger: 'tick',
    startedAt: at(finishedAt),
    finishedAt: at(finishedAt),
    requested: eventsAdded,
    found: eventsAdded,
    notFound: 0,
    failed: 0,
    eventsAdded,
    eventsUnmapped,
    failureSummary: null,
  });
}

describe('poll run event counts', () => {
  it('sums events added and unmapped per carrier over runs finished since the given time', async () => {
    await insertRun('yurtici', '2025-03-01T10:00:00Z', 100, 90); // before the window
    await insertRun('yurtici', '2025-03-10T10:00:00Z', 40, 4);
    await insertRun('yurtici', '2025-03-12T10:00:00Z', 60, 16);
    await insertRun('aras', '2025-03-11T10:00:00Z', 0, 0);
    await insertRun('mng', '2025-03-02T10:00:00Z', 5, 5); // only before the window

    const counts = await store.pollRuns.eventCountsSince(at('2025-03-07T10:00:00Z'));
    expect(counts).toEqual({ yurtici: { added: 100, unmapped: 20 }, aras: { added: 0, unmapped: 0 } });
  });

  it('counts a run finished exactly at the start of the window', async () => {
    const counts = await store.pollRuns.eventCountsSince(at('2025-03-12T10:00:00Z'));
    expect(counts).toEqual({ yurtici: { added: 60, unmapped: 16 } });
  });
});
