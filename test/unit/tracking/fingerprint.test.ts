import { eventFingerprint, type FingerprintInput } from '../../../src/tracking/fingerprint.js';

const base: FingerprintInput = {
  shipmentId: 'shp_1',
  occurredAt: new Date('2026-03-01T08:00:00Z'),
  rawCode: 'KABUL',
  status: 'in_transit',
  location: 'Kadıköy, İstanbul',
  description: 'Kargo şubeye teslim alındı',
};

describe('eventFingerprint', () => {
  it('is stable for the same event', () => {
    expect(eventFingerprint(base)).toBe(eventFingerprint({ ...base }));
    expect(eventFingerprint(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['shipment', { shipmentId: 'shp_2' }],
    ['time', { occurredAt: new Date('2026-03-01T08:01:00Z') }],
    ['carrier code', { rawCode: 'TRANSFER' }],
    ['location', { location: 'Ankara' }],
  ])('differs when the %s differs', (_what, change) => {
    expect(eventFingerprint({ ...base, ...change })).not.toBe(eventFingerprint(base));
  });

  it('ignores the carrier rewording the description of a coded event', () => {
    expect(eventFingerprint({ ...base, description: 'Teslim alındı' })).toBe(eventFingerprint(base));
  });

  it('treats location case and surrounding space as the same place (Turkish casing)', () => {
    expect(eventFingerprint({ ...base, location: '  KADIKÖY, İSTANBUL ' })).toBe(eventFingerprint(base));
  });

  it('uses status and description for events without a carrier code', () => {
    const manual = { ...base, rawCode: null };
    expect(eventFingerprint({ ...manual, description: 'Kapıda bırakıldı' })).not.toBe(eventFingerprint(manual));
  });
});
