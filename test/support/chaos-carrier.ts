/**
 * A loopback carrier for chaos tests (issue 6 §7). It speaks the sandbox carrier's wire format, so
 * the real sandbox adapter, HTTP client, quarantine and poller talk to it, but the test decides how
 * each request is answered: a good answer, a slow one, none at all, 5xx, 429 with Retry-After,
 * garbage of several kinds, or held until the test lets it go. Every parcel has a deterministic
 * timeline whose events show once the carrier's clock passes them.
 *
 * The carrier keeps a ledger of what it actually sent: each event in a well-formed answer, when,
 * and each garbage answer. Tests compare what shipwatch stored with that ledger.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import type { TrackingEvent } from '../../src/domain/shipment.js';
import { SANDBOX_TRACK_PATH } from '../../carriers/sandbox/client.js';
import { SANDBOX_EVENT_DATE_FORMAT, SANDBOX_TIME_ZONE, type SandboxTrackResult, type SandboxWireEvent } from '../../carriers/sandbox/wire.js';
import { seededRandom } from './seeded-random.js';

export const GARBAGE_VARIANTS = ['html', 'truncated_json', 'wrong_shape', 'bad_event_date'] as const;
export type GarbageVariant = (typeof GARBAGE_VARIANTS)[number];

export type ChaosAnswer =
  | { kind: 'success' }
  /** Headers and half the body at once, the rest after delayMs. */
  | { kind: 'slow'; delayMs: number }
  /** Never answers: the client's timeout ends it. */
  | { kind: 'timeout' }
  | { kind: 'error'; status: number }
  | { kind: 'throttle'; retryAfterSeconds: number }
  | { kind: 'garbage'; variant: GarbageVariant }
  /** Waits, unanswered, until release() or dropHeld(). */
  | { kind: 'hold' };

export interface ChaosRequest {
  id: number;
  numbers: string[];
  /** The carrier's clock when the request arrived. */
  at: Date;
  /** The test's elapsed-time clock when it arrived (the poller's pacing clock). */
  elapsed: number;
  /** Position among arrivals and completed answers: orders requests against answers. */
  arrived: number;
  /** Set once an answer has been written in full. */
  answered?: number;
}

export interface GarbageServed {
  requestId: number;
  variant: GarbageVariant;
  /** Numbers whose answer cannot be read: all of them, or the one with a broken event. */
  malformed: string[];
  /** Written into the body so a quarantined copy can be matched to this answer. */
  marker: string;
}

export interface ThrottleServed {
  requestId: number;
  numbers: string[];
  at: Date;
  elapsed: number;
  retryAfterMs: number;
}

export interface TimelineStep {
  code: string;
  at: Date;
  city: string;
  district?: string;
}

/** Marks events that only ever appear in unreadable answers: storing one means half-ingesting. */
export const PHANTOM_CITY = 'PHANTOM-CITY';
export const CHAOS_ANSWER_HEADER = 'x-chaos-answer';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** FNV-1a over the parts: a seed derived from text, stable across runs. */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u001f')) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const DESCRIPTIONS: Record<string, string> = {
  KAYIT: 'Gönderi kaydı oluşturuldu',
  KABUL: 'Gönderi şubeden kabul edildi',
  TRANSFER: 'Gönderi transfer merkezinden çıkış yaptı',
  VARIS: 'Gönderi transfer merkezine ulaştı',
  SUBEDE: 'Gönderi teslimat şubesine ulaştı',
  DAGITIMDA: 'Dağıtıma çıkarıldı',
  TESLIM: 'Teslim edildi',
  TESLIM_KOMSU: 'Komşuya teslim edildi',
  TESLIM_EDILEMEDI: 'Alıcı adreste bulunamadı',
  HASARLI: 'Gönderi hasarlı',
  IADE_YOLDA: 'Gönderi iade yolunda',
  IADE_TESLIM: 'Gönderi göndericiye iade edildi',
  KAYIP: 'Gönderi kayıp',
};

const ROUTES: readonly (readonly string[])[] = [
  ['KAYIT', 'KABUL', 'TRANSFER', 'VARIS', 'SUBEDE', 'DAGITIMDA', 'TESLIM'],
  ['KAYIT', 'KABUL', 'TRANSFER', 'VARIS', 'SUBEDE', 'DAGITIMDA', 'TESLIM_EDILEMEDI', 'DAGITIMDA', 'TESLIM_KOMSU'],
  // Slow ones: still on the road when a test ends, so polling has work to the last tick.
  ['KAYIT', 'KABUL', 'TRANSFER', 'VARIS', 'TRANSFER', 'VARIS', 'TRANSFER', 'VARIS', 'SUBEDE', 'DAGITIMDA', 'TESLIM'],
  ['KAYIT', 'KABUL', 'TRANSFER', 'HASARLI', 'IADE_YOLDA', 'IADE_TESLIM'],
];
const CITIES = ['İstanbul', 'Ankara', 'İzmir', 'Bursa', 'Konya', 'Adana', 'Kayseri', 'Eskişehir'];
const DISTRICTS = ['Kadıköy', 'Çankaya', 'Bornova', 'Nilüfer', undefined, undefined];

/**
 * A parcel's whole life, the same for a number on every run: it starts up to 3 h after `origin`
 * (so early polls find nothing), then one step every 1 to 5 hours (3 to 8 on the slow route).
 */
export function chaosTimeline(number: string, origin: Date): TimelineStep[] {
  const random = seededRandom(hashSeed('timeline', number));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const routeIndex = Math.floor(random() * ROUTES.length);
  const route = ROUTES[routeIndex] ?? [];
  const slow = routeIndex === 2;
  let at = origin.getTime() + Math.round(random() * 180) * MINUTE;
  return route.map((code, i) => {
    if (i > 0) at += Math.round((slow ? 3 : 1) * HOUR + random() * (slow ? 5 : 4) * HOUR);
    at -= at % MINUTE;
    const district = pick(DISTRICTS);
    return { code, at: new Date(at), city: pick(CITIES), ...(district !== undefined && { district }) };
  });
}

function wireDate(at: Date): string {
  return format(at, SANDBOX_EVENT_DATE_FORMAT, { in: tz(SANDBOX_TIME_ZONE) });
}

function toWire(step: TimelineStep): SandboxWireEvent {
  return { code: step.code, description: DESCRIPTIONS[step.code] ?? step.code, date: wireDate(step.at), city: step.city, ...(step.district !== undefined && { district: step.district }) };
}

/** How an event is told apart in the ledger: carrier code, local time and place, as stored. */
export function wireEventKey(event: SandboxWireEvent): string {
  return `${event.code}|${event.date}|${event.district ? `${event.district}, ${event.city}` : event.city}`;
}

/** The same key for an event shipwatch stored. */
export function storedEventKey(event: Pick<TrackingEvent, 'carrierCode' | 'localTime' | 'location'>): string {
  return `${event.carrierCode ?? ''}|${event.localTime ?? ''}|${event.location ?? ''}`;
}

export interface ChaosCarrierOptions {
  apiKey: string;
  /** Where every parcel's timeline starts. */
  origin: Date;
  /** The carrier's clock: which timeline steps have happened. */
  now: () => Date;
  elapsed?: () => number;
  answer: (request: ChaosRequest) => ChaosAnswer;
}

interface Held {
  request: ChaosRequest;
  res: ServerResponse;
}

export async function startChaosCarrier(options: ChaosCarrierOptions) {
  const requests: ChaosRequest[] = [];
  const answers = new Map<number, ChaosAnswer>();
  /** number → event key → the carrier's times at which a well-formed answer carried it. */
  const served = new Map<string, Map<string, Date[]>>();
  const garbage: GarbageServed[] = [];
  const throttles: ThrottleServed[] = [];
  const held: Held[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let unanswered = 0;
  let sequence = 0;

  function visibleEvents(number: string, at: Date): SandboxWireEvent[] {
    return chaosTimeline(number, options.origin)
      .filter((s) => s.at.getTime() <= at.getTime())
      .map(toWire);
  }

  function resultFor(number: string, at: Date): SandboxTrackResult {
    const events = visibleEvents(number, at);
    if (events.length === 0) return { number, found: false, error: { code: 'BULUNAMADI', message: 'Gönderi bulunamadı' } };
    return { number, found: true, trackingNumber: number, events };
  }

  /** Records the good results of an answer once it has been written in full. */
  function ledger(results: readonly SandboxTrackResult[], at: Date, skip: ReadonlySet<string> = new Set()): void {
    for (const result of results) {
      if (!result.found || skip.has(result.number)) continue;
      const events = served.get(result.number) ?? new Map<string, Date[]>();
      served.set(result.number, events);
      for (const event of result.events) {
        const key = wireEventKey(event);
        events.set(key, [...(events.get(key) ?? []), at]);
      }
    }
  }

  function phantom(number: string, at: Date): SandboxWireEvent {
    return { code: 'KAYIP', description: DESCRIPTIONS['KAYIP'] ?? 'KAYIP', date: wireDate(new Date(at.getTime() - 7 * MINUTE)), city: PHANTOM_CITY, district: number };
  }

  function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  function succeed(res: ServerResponse, request: ChaosRequest, delayMs = 0): void {
    const results = request.numbers.map((n) => resultFor(n, request.at));
    const body = JSON.stringify({ results });
    res.once('finish', () => ledger(results, request.at));
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', [CHAOS_ANSWER_HEADER]: delayMs > 0 ? 'slow' : 'success' });
    if (delayMs === 0) {
      res.end(body);
      return;
    }
    // Headers and half the body now, the rest later: the client has started reading and waits.
    res.write(body.slice(0, Math.floor(body.length / 2)));
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) res.end(body.slice(Math.floor(body.length / 2)));
    }, delayMs);
    timers.add(timer);
  }

  function sendGarbage(res: ServerResponse, request: ChaosRequest, variant: GarbageVariant): void {
    const marker = `chaos-answer-${request.id}`;
    const [first = ''] = request.numbers;
    let malformed = [...request.numbers];
    let contentType = 'application/json; charset=utf-8';
    let body: string;
    let good: SandboxTrackResult[] = [];
    switch (variant) {
      case 'html':
        contentType = 'text/html; charset=utf-8';
        body = `<html><!-- ${marker} --><body><h1>Bakım çalışması</h1></body></html>`;
        break;
      case 'truncated_json': {
        const results = request.numbers.map((n) => ({ number: n, found: true, trackingNumber: n, events: [...visibleEvents(n, request.at), phantom(n, request.at)] }));
        const whole = JSON.stringify({ answer: marker, results });
        body = whole.slice(0, Math.max(marker.length + 20, Math.floor(whole.length / 2)));
        break;
      }
      case 'wrong_shape': {
        // Every event lacks its city: the whole answer fails validation, good-looking parts included.
        const results = request.numbers.map((n) => ({
          number: n,
          found: true,
          trackingNumber: n,
          events: [...visibleEvents(n, request.at), phantom(n, request.at)].map(({ city: _city, ...rest }) => rest),
        }));
        body = JSON.stringify({ answer: marker, results });
        break;
      }
      case 'bad_event_date': {
        // One number's history holds an impossible date: that number is unreadable, the others are fine.
        malformed = [first];
        const broken: SandboxTrackResult = {
          number: first,
          found: true,
          trackingNumber: first,
          events: [...visibleEvents(first, request.at), phantom(first, request.at), { code: 'TRANSFER', description: 'Transfer', date: '31.02.2026 25:61', city: 'Ankara' }],
        };
        good = request.numbers.slice(1).map((n) => resultFor(n, request.at));
        body = JSON.stringify({ answer: marker, results: [broken, ...good] });
        break;
      }
    }
    res.once('finish', () => {
      garbage.push({ requestId: request.id, variant, malformed, marker });
      ledger(good, request.at);
    });
    res.writeHead(200, { 'content-type': contentType, [CHAOS_ANSWER_HEADER]: `garbage-${request.id}` });
    res.end(body);
  }

  function respond(res: ServerResponse, request: ChaosRequest, answer: ChaosAnswer): void {
    switch (answer.kind) {
      case 'success':
        return succeed(res, request);
      case 'slow':
        return succeed(res, request, answer.delayMs);
      case 'timeout':
        // Nothing is sent; the socket closes when the client gives up.
        unanswered += 1;
        res.once('close', () => (unanswered -= 1));
        return;
      case 'error':
        return sendJson(res, answer.status, { error: { code: 'SUNUCU_HATASI', message: 'Beklenmeyen bir hata oluştu' } }, { [CHAOS_ANSWER_HEADER]: 'error' });
      case 'throttle':
        res.once('finish', () => throttles.push({ requestId: request.id, numbers: request.numbers, at: request.at, elapsed: request.elapsed, retryAfterMs: answer.retryAfterSeconds * 1000 }));
        return sendJson(res, 429, { error: { code: 'COK_FAZLA_ISTEK', message: 'Çok fazla istek' } }, { 'retry-after': String(answer.retryAfterSeconds), [CHAOS_ANSWER_HEADER]: 'throttle' });
      case 'garbage':
        return sendGarbage(res, request, answer.variant);
      case 'hold':
        held.push({ request, res });
        return;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.headers['x-api-key'] !== options.apiKey) return sendJson(res, 401, { error: { code: 'YETKISIZ', message: 'API anahtarı eksik veya geçersiz' } });
    if (req.method !== 'POST' || req.url !== SANDBOX_TRACK_PATH) return sendJson(res, 404, { error: { code: 'BULUNAMADI', message: 'Kaynak bulunamadı' } });
    let numbers: unknown;
    try {
      numbers = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { trackingNumbers?: unknown }).trackingNumbers;
    } catch {
      numbers = undefined;
    }
    if (!Array.isArray(numbers) || !numbers.every((n): n is string => typeof n === 'string')) {
      return sendJson(res, 400, { error: { code: 'GECERSIZ_ISTEK', message: 'trackingNumbers zorunlu' } });
    }
    const request: ChaosRequest = { id: requests.length + 1, numbers, at: options.now(), elapsed: options.elapsed?.() ?? 0, arrived: (sequence += 1) };
    requests.push(request);
    res.once('finish', () => (request.answered = sequence += 1));
    const answer = options.answer(request);
    answers.set(request.id, answer);
    respond(res, request, answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'SUNUCU_HATASI', message: 'test carrier failed' } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('chaos carrier is not listening on TCP');

  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    answers,
    served,
    garbage,
    throttles,
    /** Requests received and not answered yet (held, or waiting for the client to give up). */
    pending: () => held.length + unanswered,
    held: () => held.map((h) => h.request),
    /** Answers the oldest held request well; resolves once the answer is written in full. */
    releaseOne(): Promise<ChaosRequest | null> {
      const next = held.shift();
      if (!next) return Promise.resolve(null);
      return new Promise((resolve) => {
        succeed(next.res, next.request);
        // After succeed's own listener: the ledger holds this answer when the promise resolves.
        next.res.once('finish', () => resolve(next.request));
      });
    },
    /** Cuts every held request off without an answer, as a carrier dying would. */
    dropHeld(): void {
      for (const h of held.splice(0)) h.res.destroy();
    },
    /** The well-formed events sent for a number, by key. */
    servedKeys(number: string): Set<string> {
      return new Set(served.get(number)?.keys() ?? []);
    },
    close(): Promise<void> {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const h of held.splice(0)) h.res.destroy();
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

export type ChaosCarrier = Awaited<ReturnType<typeof startChaosCarrier>>;
