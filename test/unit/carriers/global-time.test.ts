import { UNKNOWN_TIME_ZONE } from '../../../carriers/contract.js';
import { fromIsoAnyOffset, fromLocalIso, fromOffsetIso, normaliseOffset, offsetMinutes } from '../../../carriers/global-time.js';

describe('carrier times', () => {
  it('reads an ISO time with an offset as that instant, local to the offset', () => {
    const time = fromOffsetIso('2024-04-26T07:50:00-07:00');
    expect(time?.occurredAt.toISOString()).toBe('2024-04-26T14:50:00.000Z');
    expect(time).toMatchObject({ localTime: '2024-04-26T07:50:00-07:00', timeZone: '-07:00' });
    expect(fromOffsetIso('2022-05-02T18:34:00Z')).toMatchObject({ timeZone: 'UTC' });
    expect(fromOffsetIso('2022-05-02T18:34:00+0300')?.occurredAt.toISOString()).toBe('2022-05-02T15:34:00.000Z');
  });

  it('refuses a text without an offset or that is not a date', () => {
    expect(fromOffsetIso('2023-05-08T10:37:00')).toBeNull();
    expect(fromOffsetIso('yesterday')).toBeNull();
    expect(fromLocalIso('2023-02-31T10:00:00')).toBeNull();
    expect(fromLocalIso('2023-05-08T25:00:00')).toBeNull();
  });

  it('keeps a local wall clock of unknown zone apart, and places it when the offset is known', () => {
    const unknown = fromIsoAnyOffset('2023-05-08T10:37:00');
    expect(unknown).toMatchObject({ localTime: '2023-05-08T10:37:00', timeZone: UNKNOWN_TIME_ZONE });
    const placed = fromLocalIso('2023-08-02T07:31:00', '-0500');
    expect(placed?.occurredAt.toISOString()).toBe('2023-08-02T12:31:00.000Z');
    expect(placed?.timeZone).toBe('-05:00');
    expect(fromLocalIso('2023-08-02 07:31:00.250', '+05:30')?.occurredAt.toISOString()).toBe('2023-08-02T02:01:00.250Z');
  });

  it('normalises offsets', () => {
    expect(normaliseOffset('+0300')).toBe('+03:00');
    expect(offsetMinutes('-05:30')).toBe(-330);
    expect(offsetMinutes('UTC')).toBe(0);
  });
});
