/**
 * Detection benchmark (issue 5 §7): shipwatch's registry against ts-tracking-number on the same
 * test vectors (test/fixtures/detection/vectors.json). Run: `tsx bench/detection.ts`.
 *
 * A prediction is a named carrier. precision = correct predictions / predictions; recall =
 * correct predictions / vectors with an expected carrier. A prediction is correct when it is the
 * vector's carrier or one it also accepts (a FedEx SmartPost number is also USPS's IMpb).
 * "shipwatch best" is the first of `candidates`; "shipwatch detect" names a carrier only when
 * registration would pick it by itself (`detect`). Both tools get the normalised number (no
 * spaces, upper case), so case and spacing do not decide the comparison.
 */
import { performance } from 'node:perf_hooks';
import { getTracking } from 'ts-tracking-number';
import { POSTS_WITH_ADAPTERS } from '../carriers/detection/index.js';
import { decide, rankCandidates } from '../carriers/registry.js';
import { normaliseTrackingNumber } from '../src/domain/shipment.js';
import { detectionDefinitions, isCorrect, loadDetectionVectors, type DetectionVector } from '../test/support/detection.js';

type Predict = (normalised: string) => string | null;

const definitions = detectionDefinitions();

/** ts-tracking-number's courier codes in shipwatch's terms; S10 goes by the issuing country. */
function fromTsTracking(normalised: string): string | null {
  const found = getTracking(normalised);
  if (!found) return null;
  if (found.courier.code !== 's10') return found.courier.code;
  const country = normalised.slice(-2);
  return Object.hasOwn(POSTS_WITH_ADAPTERS, country) ? (POSTS_WITH_ADAPTERS[country] ?? null) : '17track';
}

const tools: readonly { name: string; predict: Predict }[] = [
  { name: 'shipwatch best', predict: (n) => rankCandidates(definitions, n)[0]?.carrier ?? null },
  {
    name: 'shipwatch detect',
    predict: (n) => {
      const detection = decide(rankCandidates(definitions, n));
      return detection.kind === 'detected' ? detection.code : null;
    },
  },
  { name: 'ts-tracking-number', predict: fromTsTracking },
];

interface Score {
  predictions: number;
  correct: number;
  expected: number;
  recalled: number;
}

function score(vectors: readonly DetectionVector[], predictions: readonly (string | null)[], carrier?: string): Score {
  const s: Score = { predictions: 0, correct: 0, expected: 0, recalled: 0 };
  vectors.forEach((vector, i) => {
    const predicted = predictions[i] ?? null;
    const right = predicted !== null && isCorrect(vector, predicted);
    if (predicted !== null && (carrier === undefined || predicted === carrier)) {
      s.predictions += 1;
      if (right) s.correct += 1;
    }
    if (vector.expected !== null && (carrier === undefined || vector.expected === carrier)) {
      s.expected += 1;
      if (right) s.recalled += 1;
    }
  });
  return s;
}

const ratio = (a: number, b: number): string => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
const cell = (s: Score): string => `P ${ratio(s.correct, s.predictions)} (${s.correct}/${s.predictions})`.padEnd(22) + `R ${ratio(s.recalled, s.expected)} (${s.recalled}/${s.expected})`.padEnd(22);
const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

function microsPerNumber(predict: Predict, numbers: readonly string[]): number {
  const rounds = 200;
  const start = performance.now();
  for (let r = 0; r < rounds; r += 1) for (const n of numbers) predict(n);
  return ((performance.now() - start) * 1000) / (rounds * numbers.length);
}

const vectors = loadDetectionVectors();
const numbers = vectors.map((v) => normaliseTrackingNumber(v.number));
const results = tools.map((tool) => ({ tool, predictions: numbers.map((n) => tool.predict(n)) }));
const carriers = [...new Set(vectors.flatMap((v) => (v.expected ? [v.expected] : [])))].sort();

/** Carriers ts-tracking-number also knows: the fair ground for comparing the two. */
const SHARED = new Set(['ups', 'fedex', 'usps', 'dhl', '17track']);

function summary(title: string, keep: (vector: DetectionVector) => boolean, timed: boolean): void {
  const picked = vectors.map((v, i) => [v, i] as const).filter(([v]) => keep(v));
  const subset = picked.map(([v]) => v);
  const negatives = subset.filter((v) => v.expected === null).length;
  out(`${title}: ${subset.length} vectors, ${subset.length - negatives} with a carrier, ${negatives} nobody's`);
  out(`${'tool'.padEnd(20)}${'precision'.padEnd(22)}${'recall'.padEnd(22)}${"nobody's left alone".padEnd(22)}${timed ? 'µs/number' : ''}`);
  for (const { tool, predictions } of results) {
    const named = picked.map(([, i]) => predictions[i] ?? null);
    const left = subset.filter((v, k) => v.expected === null && named[k] === null).length;
    const speed = timed ? microsPerNumber(tool.predict, numbers).toFixed(1) : '';
    out(`${tool.name.padEnd(20)}${cell(score(subset, named))}${`${left}/${negatives}`.padEnd(22)}${speed}`);
  }
  out();
}

out(`Registry scored: ${definitions.map((d) => d.code).join(', ')}`);
out();
summary('All vectors', () => true, true);
summary('Carriers both tools know (UPS, FedEx, USPS, DHL, S10 posts) and nobody\'s numbers', (v) => v.expected === null || SHARED.has(v.expected), false);
out(`Per carrier (P = correct among predictions naming it, R = its vectors named rightly)`);
out(`${'carrier'.padEnd(10)}${results.map(({ tool }) => tool.name.padEnd(44)).join('')}`);
for (const carrier of carriers) {
  out(`${carrier.padEnd(10)}${results.map(({ predictions }) => cell(score(vectors, predictions, carrier))).join('')}`);
}
out();
out('Vectors at least one tool gets wrong (expected | shipwatch best | shipwatch detect | ts-tracking-number):');
vectors.forEach((vector, i) => {
  const named = results.map(({ predictions }) => predictions[i] ?? null);
  if (named.every((p) => (p === null ? vector.expected === null : isCorrect(vector, p)))) return;
  const show = (p: string | null): string => (p ?? '-').padEnd(10);
  out(`  ${(numbers[i] ?? '').padEnd(36)}${show(vector.expected)}| ${named.map(show).join('| ')}`);
});
