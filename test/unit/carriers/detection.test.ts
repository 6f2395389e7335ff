import type { CarrierDefinition } from '../../../carriers/contract.js';
import {
  fedexMod11Valid,
  gs1CheckDigit,
  identcodeValid,
  mod7Valid,
  s10CheckDigit,
  ups1zValid,
  upsWaybillValid,
} from '../../../carriers/detection/check-digits.js';
import {
  GLOBAL_CARRIER_CONFIDENCE,
  arasConfidence,
  dhlConfidence,
  fedexConfidence,
  mngConfidence,
  parseS10,
  pttConfidence,
  sandboxConfidence,
  suratConfidence,
  upsConfidence,
  uspsConfidence,
  yurticiConfidence,
} from '../../../carriers/detection/index.js';
import { createCarrierHttp } from '../../../carriers/http.js';
import { pttCarrier } from '../../../carriers/ptt/index.js';
import { buildCarrierRegistry, decide, rankCandidates } from '../../../carriers/registry.js';
import { detectionDefinitions, isCorrect, loadDetectionVectors } from '../../support/detection.js';
import { silentLogger } from '../../support/logger.js';

const vectors = loadDetectionVectors();
const definitions = detectionDefinitions();

describe('detection test vectors', () => {
  it('hold enough documented and invented numbers, valid and invalid', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(60);
    expect(vectors.filter((v) => v.expected === null).length).toBeGreaterThanOrEqual(20);
    expect(new Set(vectors.map((v) => v.number)).size).toBe(vectors.length);
  });

  it.each(vectors.map((v) => [v.number, v] as const))('%p', (_number, vector) => {
    const candidates = rankCandidates(definitions, vector.number);
    const best = candidates[0]?.carrier ?? null;
    if ('knownMiss' in vector) {
      expect(best).toBe(vector.knownMiss);
      expect(isCorrect(vector, best)).toBe(false);
    } else if (vector.expected === null) {
      expect(candidates).toEqual([]);
    } else {
      expect([best, isCorrect(vector, best)]).toEqual([best, true]);
    }
  });
});

describe('check digits', () => {
  it('reproduces the documented worked examples', () => {
    expect(gs1CheckDigit('00012345000000002')).toBe(7); // FedEx Ground label spec, SSCC-18
    expect(s10CheckDigit('00071761')).toBe(8); // npm s10 README: EB000717618HK
    expect(s10CheckDigit('47110815')).toBe(1); // bwipp: EE471108151FR
    expect(fedexMod11Valid('012345678983')).toBe(true); // remainder 3, as worked out by FedEx
    expect(ups1zValid('1Z5915806855587736')).toBe(true); // Algorithm::CheckDigits (UPS)
    expect(identcodeValid('201298452277')).toBe(true); // paketda: DHL 12-digit
    expect(mod7Valid('7777777770')).toBe(true);
    expect(upsWaybillValid('K1506235620')).toBe(true);
  });

  it('rejects a changed check digit, letters, and numbers of only zeros', () => {
    expect(ups1zValid('1Z5915806855587737')).toBe(false);
    expect(fedexMod11Valid('012345678984')).toBe(false);
    expect(mod7Valid('7777777771')).toBe(false);
    expect(mod7Valid('0000000000')).toBe(false);
    expect(fedexMod11Valid('00000000000O')).toBe(false);
    expect(identcodeValid('000000000000')).toBe(false);
  });
});

describe('confidence per carrier family', () => {
  const families = {
    ups: upsConfidence,
    fedex: fedexConfidence,
    usps: uspsConfidence,
    dhl: dhlConfidence,
    ptt: pttConfidence,
    aras: arasConfidence,
    yurtici: yurticiConfidence,
    mng: mngConfidence,
    surat: suratConfidence,
    sandbox: sandboxConfidence,
    ...GLOBAL_CARRIER_CONFIDENCE,
  };

  it('stays in (0, 1] or is exactly 0 for every vector', () => {
    for (const vector of vectors) {
      const number = vector.number.replace(/[\s-]+/g, '').toUpperCase();
      for (const confidence of Object.values(families)) {
        const value = confidence(number);
        expect(value === 0 || (value > 0 && value <= 1)).toBe(true);
      }
    }
  });

  it('routes S10 numbers by the issuing country: US to USPS, TR to PTT, other posts to 17TRACK', () => {
    expect(parseS10('EE471108151FR')).toEqual({ serviceIndicator: 'EE', country: 'FR' });
    expect(uspsConfidence('RB123456785US')).toBeGreaterThanOrEqual(0.95);
    expect(pttConfidence('RR123456785TR')).toBeGreaterThanOrEqual(0.95);
    expect(GLOBAL_CARRIER_CONFIDENCE['17track']?.('RB123456785GB')).toBeGreaterThanOrEqual(0.9);
    expect(GLOBAL_CARRIER_CONFIDENCE['17track']?.('RB123456785US')).toBe(0);
    expect(uspsConfidence('RB123456785GB')).toBe(0);
    expect(parseS10('RB123456785XX')).toBeNull();
  });

  it('ranks a check digit on a distinctive prefix above one on a bare digit string, and that above a bare pattern', () => {
    expect(upsConfidence('1Z5R89390357567127')).toBeGreaterThanOrEqual(0.95);
    expect(fedexConfidence('986578788855')).toBeGreaterThan(0.5);
    expect(fedexConfidence('986578788855')).toBeLessThan(0.9);
    expect(suratConfidence('25220148446193')).toBeLessThanOrEqual(0.3);
  });

  it('lets PTT recognise its S10 numbers as well as its barcodes', () => {
    expect(pttCarrier.recognises('RR123456785TR')).toBe(true);
    expect(pttCarrier.recognises('2731000123458')).toBe(true);
    expect(pttCarrier.recognises('RR123456785GB')).toBe(false);
  });
});

function fake(code: string, confidence: ((n: string) => number) | undefined, recognises = (n: string) => (confidence?.(n) ?? 0) > 0): CarrierDefinition<never> {
  return {
    code,
    displayName: code,
    enableWith: [],
    recognises,
    ...(confidence && { confidence }),
    loadConfig: () => ({ enabled: false }),
    create: () => {
      throw new Error('not built in this test');
    },
  };
}

describe('registry candidates and detection', () => {
  const deps = { http: createCarrierHttp(), now: () => new Date(), logger: silentLogger() };

  it('lists candidates best first, ties in registry order, after normalising the number once', () => {
    const seen: string[] = [];
    const defs = [
      fake('low', () => 0.3),
      fake('tie-a', (n) => {
        seen.push(n);
        return 0.7;
      }),
      fake('tie-b', () => 0.7),
      fake('none', () => 0),
      fake('plain', undefined, () => true),
    ];
    const registry = buildCarrierRegistry({}, deps, defs);
    expect(registry.candidates(' ab-12 c ')).toEqual([
      { carrier: 'tie-a', confidence: 0.7 },
      { carrier: 'tie-b', confidence: 0.7 },
      { carrier: 'plain', confidence: 0.5 },
      { carrier: 'low', confidence: 0.3 },
    ]);
    expect(seen).toEqual(['AB12C']);
    expect(registry.candidates('   ')).toEqual([]);
  });

  it('clamps a confidence outside [0, 1] and ignores one that is not a number', () => {
    const defs = [fake('over', () => 7), fake('nan', () => Number.NaN), fake('negative', () => -1)];
    expect(rankCandidates(defs, 'X1')).toEqual([{ carrier: 'over', confidence: 1 }]);
  });

  it('detects the only candidate, whatever its confidence', () => {
    expect(decide([{ carrier: 'surat', confidence: 0.3 }])).toEqual({ kind: 'detected', code: 'surat' });
    expect(decide([])).toEqual({ kind: 'unknown' });
  });

  it('detects a sure best candidate over a weak runner-up, and asks otherwise', () => {
    const sure = { carrier: 'dhl', confidence: 0.9 };
    expect(decide([sure, { carrier: 'usps', confidence: 0.5 }])).toEqual({ kind: 'detected', code: 'dhl' });
    expect(decide([sure, { carrier: 'usps', confidence: 0.6 }])).toEqual({ kind: 'ambiguous', candidates: ['dhl', 'usps'] });
    expect(decide([{ carrier: 'fedex', confidence: 0.8 }, { carrier: 'dhl', confidence: 0.5 }])).toEqual({
      kind: 'ambiguous',
      candidates: ['fedex', 'dhl'],
    });
  });

  it('decides real numbers as registration would', () => {
    const registry = buildCarrierRegistry({}, deps, definitions);
    expect(registry.detect('00340434161094042557')).toEqual({ kind: 'detected', code: 'dhl' });
    expect(registry.detect('1z 5r89 3903 5756 7127')).toEqual({ kind: 'detected', code: 'ups' });
    expect(registry.detect('RR123456785TR')).toEqual({ kind: 'detected', code: 'ptt' });
    expect(registry.detect('9274899992136003821767')).toEqual({ kind: 'ambiguous', candidates: ['usps', 'fedex'] });
    expect(registry.detect('7250000012345')).toEqual({ kind: 'ambiguous', candidates: ['yurtici', 'aras'] });
    expect(registry.detect('NOT-A-NUMBER')).toEqual({ kind: 'unknown' });
  });
});
