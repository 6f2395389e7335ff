/**
 * The adapter contract: the only thing src/ knows about carriers (DESIGN §6). Adapters turn a batch
 * of numbers into per-number outcomes; they never touch the database, the scheduler or retries.
 */
import type { AxiosInstance } from 'axios';
import type { Logger } from 'pino';
import type { ShipmentStatus, Substatus } from '../src/domain/status.js';

export type CarrierCode = string;

export interface CarrierLimits {
  /** Most numbers one request may carry. */
  maxBatch: number;
  requestsPerSecond: number;
  /** Most requests in flight at once. */
  concurrency: number;
  /** Calls the carrier allows per quota day, where it documents one (DHL: 250). */
  dailyQuota?: number;
  /** Polls the carrier allows per shipment and quota day (DHL: 10). */
  perShipmentDaily?: number;
  /** IANA zone whose midnight starts a new quota day; UTC when not given. */
  quotaZone?: string;
}

export interface StatusMapping {
  status: ShipmentStatus;
  substatus?: Substatus;
}

export interface CarrierLocation {
  text: string | null;
  city: string | null;
  country: string | null;
}

/**
 * The zone of an event whose carrier gave a local wall-clock time and neither an offset nor a UTC
 * value (DHL often does, research carriers-global.md §0.1). Its `occurredAt` is then only an
 * ordering estimate (the wall clock read at UTC) and the API shows no UTC instant for it.
 */
export const UNKNOWN_TIME_ZONE = 'unknown';

/** One scan or status change as the carrier reported it, already mapped to a canonical status. */
export interface CarrierEvent {
  /** UTC instant; an estimate only when `timeZone` is UNKNOWN_TIME_ZONE. */
  occurredAt: Date;
  /** The timestamp text exactly as the carrier sent it (several fields joined by a space). */
  localTime: string;
  /**
   * What `localTime` is local to: an IANA zone (`Europe/Istanbul`), a fixed offset the carrier
   * gave (`-05:00`), `UTC`, or UNKNOWN_TIME_ZONE.
   */
  timeZone: string;
  rawCode: string;
  /** The carrier's words, verbatim, in the carrier's language. */
  rawText: string;
  location: CarrierLocation;
  status: ShipmentStatus;
  substatus: Substatus | null;
}

export interface ProofOfDelivery {
  receivedBy?: string;
  signatureUrl?: string;
}

export type CarrierFailure =
  | { kind: 'auth' }
  | { kind: 'rate_limited'; retryAfterMs?: number; detail?: string }
  | { kind: 'unavailable'; detail: string }
  | { kind: 'malformed'; detail: string };

export type TrackOutcome =
  | {
      kind: 'found';
      events: CarrierEvent[];
      /** The carrier's own number, when the query used the shop's reference. */
      trackingNumber?: string;
      estimatedDelivery?: string;
      proofOfDelivery?: ProofOfDelivery;
    }
  | { kind: 'not_found' }
  | { kind: 'failed'; failure: CarrierFailure };

export type QueryKey = 'trackingNumber' | 'reference';

export interface TrackContext {
  /** Which identifier the numbers in this batch are. */
  by: QueryKey;
  /**
   * The carrier's own service or carrier key the shop gave per number (`carrierService` on the
   * shipment): DHL's `service` (`express`, `parcel-de`…), 17TRACK's numeric carrier code.
   */
  services?: ReadonlyMap<string, string>;
  signal?: AbortSignal;
}

export interface CarrierAdapter {
  readonly code: CarrierCode;
  readonly displayName: string;
  readonly limits: CarrierLimits;
  /** Identifiers this carrier can be queried by, in order of preference. Empty: never polled. */
  readonly queryBy: readonly QueryKey[];
  /** Pattern and check digit, no I/O. */
  recognises(trackingNumber: string): boolean;
  track(numbers: readonly string[], ctx: TrackContext): Promise<Map<string, TrackOutcome>>;
}

export interface CarrierDeps {
  http: AxiosInstance;
  now: () => Date;
  logger: Logger;
}

/**
 * A carrier's static description plus its factory. `loadConfig` validates the carrier's own
 * environment variables and returns undefined when the carrier is not configured (disabled).
 */
export interface CarrierDefinition<C = unknown> {
  code: CarrierCode;
  displayName: string;
  /** Environment variables a shop sets to enable the carrier, for error messages and docs. */
  enableWith: readonly string[];
  recognises(trackingNumber: string): boolean;
  /**
   * How sure the number's shape (pattern, check digit) makes us that it is this carrier's, in
   * (0, 1]; 0 when it does not fit. Without it, `recognises` counts as 0.5.
   */
  confidence?(trackingNumber: string): number;
  /**
   * The carrier's public web tracking page for one of its numbers, for people (the console links
   * it). Only where the page's address format is documented; each carrier notes its source.
   */
  publicTrackingUrl?(trackingNumber: string): string;
  loadConfig(env: Readonly<Record<string, string | undefined>>): CarrierConfigResult<C>;
  create(config: C, deps: CarrierDeps): CarrierAdapter;
}

export type CarrierConfigResult<C> =
  | { enabled: true; config: C }
  | { enabled: false }
  | { enabled: 'invalid'; problems: string[] };

/** Counts unknown codes per carrier so `carrier_drift` can notice a carrier changing its codes. */
export const unmappedCodeCounts = new Map<string, number>();

/**
 * The single place an unknown carrier code becomes a status: the nearest safe one the caller
 * names, with substatus `unmapped`. Unknown codes are counted, never dropped.
 */
export function mapStatus(
  carrier: CarrierCode,
  table: Readonly<Record<string, StatusMapping>>,
  rawCode: string,
  fallback: ShipmentStatus = 'in_transit',
): { status: ShipmentStatus; substatus: Substatus | null } {
  const known = Object.hasOwn(table, rawCode) ? table[rawCode] : undefined;
  if (known) return { status: known.status, substatus: known.substatus ?? null };
  unmappedCodeCounts.set(carrier, (unmappedCodeCounts.get(carrier) ?? 0) + 1);
  return { status: fallback, substatus: 'unmapped' };
}

export function failAll(numbers: readonly string[], failure: CarrierFailure): Map<string, TrackOutcome> {
  return new Map(numbers.map((n) => [n, { kind: 'failed', failure } as const]));
}
