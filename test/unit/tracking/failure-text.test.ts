import { describeFailure } from '../../../src/tracking/ingest.js';
import { failureKey } from '../../../src/tracking/poller.js';

describe('how a carrier failure is reported', () => {
  it('keeps a throttle apart from an exhausted quota on the carrier list and on the shipment', () => {
    expect(failureKey({ kind: 'rate_limited', retryAfterMs: 1000 })).toBe('rate_limited');
    expect(failureKey({ kind: 'rate_limited', detail: '17TRACK quota exhausted' })).toBe('rate_limited (17TRACK quota exhausted)');
    expect(failureKey({ kind: 'unavailable', detail: 'carrier answered HTTP 503' })).toBe('unavailable');
    expect(describeFailure({ kind: 'rate_limited', detail: '17TRACK quota exhausted', retryAfterMs: 60_000 })).toBe(
      'rate_limited (17TRACK quota exhausted): retry after 60 s',
    );
    expect(describeFailure({ kind: 'rate_limited', retryAfterMs: 30_000 })).toBe('rate_limited: retry after 30 s');
  });
});
