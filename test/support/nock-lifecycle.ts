import nock from 'nock';

/**
 * The nock rules every carrier test file shares: no real network except the loopback servers of
 * end-to-end tests, every scripted reply used by its test, nothing left over for the next test.
 */
export function useCarrierNock(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });

  afterEach(() => {
    const done = nock.isDone();
    // Delayed replies the client already gave up on would otherwise outlive the test.
    nock.abortPendingRequests();
    nock.cleanAll();
    expect(done).toBe(true);
  });

  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });
}
