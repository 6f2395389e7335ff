/**
 * What the service needs from storage. The SQLite implementation lives in ./sqlite; a PostgreSQL
 * twin implements the same interfaces (DESIGN §11), so nothing outside src/store writes SQL.
 */
import type { NewShipment, NewTrackingEvent, Shipment, TrackingEvent } from '../domain/shipment.js';
import type { ShipmentStatus } from '../domain/status.js';
import type { Anomaly, AnomalyCode, AnomalyDetails, AnomalyState, Severity } from '../anomalies/types.js';
import type { AlertStore } from '../alerts/types.js';
import type { CircuitState } from '../tracking/governor/types.js';

export type RegisterResult = { ok: true; shipment: Shipment } | { ok: false; error: Error };

export interface ShipmentFilter {
  status?: ShipmentStatus;
  carrier?: string;
  q?: string;
  limit: number;
  /** Id of the last item of the previous page. */
  after?: string;
}

/** Fields ingest and the poller may change on a shipment. */
export type ShipmentPatch = Partial<
  Pick<
    Shipment,
    | 'status'
    | 'substatus'
    | 'lastEventAt'
    | 'deliveredAt'
    | 'estimatedDelivery'
    | 'proofOfDelivery'
    | 'nextPollAt'
    | 'nextPollReason'
    | 'lastPolledAt'
    | 'lastPollError'
    | 'pollFailures'
    | 'notFoundCount'
    | 'trackingNumber'
  >
>;

export interface DueUrgency {
  deadlineFrom: Date;
  deadlineTo: Date;
  freshSince: Date;
}

export interface TrackingWrite {
  shipmentId: string;
  events: readonly NewTrackingEvent[];
  patch: ShipmentPatch;
  updatedAt: Date;
}

export interface ShipmentStore {
  /** Stores each item that does not collide; one item's conflict never stops the others. */
  registerMany(items: readonly NewShipment[], now: Date): Promise<RegisterResult[]>;
  get(id: string): Promise<Shipment | null>;
  list(filter: ShipmentFilter): Promise<{ items: Shipment[]; hasMore: boolean }>;
  /** Every shipment whose tracking number, reference or order id is this value. */
  findByNumber(value: string): Promise<Shipment[]>;
  findByCarrierNumber(carrier: string, trackingNumber: string): Promise<Shipment | null>;
  /** Shipments whose next poll is due, oldest due first, excluding stopped and unpolled carriers. */
  due(now: Date, limit: number, excludeCarriers: readonly string[]): Promise<Shipment[]>;
  /**
   * Due shipments that matter most (out for delivery, failed attempt, an exception heard of since
   * `freshSince`, a deadline in [deadlineFrom, deadlineTo]), from indexed queries: the poller asks
   * when `due` hit its limit, so urgent ones beyond it are not left for later ticks.
   */
  dueUrgent(now: Date, urgency: DueUrgency, limit: number, excludeCarriers: readonly string[]): Promise<Shipment[]>;
  stopTracking(id: string, now: Date): Promise<Shipment | null>;
  /** Updates poll bookkeeping without events (not found, failed). */
  patch(id: string, patch: ShipmentPatch, now: Date): Promise<void>;
  countByStatus(): Promise<Record<string, number>>;
  countByCarrier(): Promise<Record<string, number>>;
  count(): Promise<number>;
  /** Per carrier: shipments waiting for the carrier to be configured. */
  waitingByCarrier(): Promise<Record<string, number>>;
  /** Makes the waiting shipments of these (now configured) carriers due at once. */
  resumeWaiting(carriers: readonly string[], now: Date): Promise<number>;
  /** Per carrier: shipments delivered since then that had a deadline, and how many made it. */
  onTimeSince(since: Date): Promise<Record<string, { delivered: number; onTime: number }>>;
  /**
   * Per carrier: shipments delivered since then, and the median of their transit times in days
   * (deliveredAt − (shippedAt ?? createdAt)), unrounded.
   */
  transitSince(since: Date): Promise<Record<string, { delivered: number; medianDays: number | null }>>;
}

export interface EventStore {
  /** Events received from one carrier since then, and how many of them had unmapped codes. */
  unmappedShare(carrier: string, since: Date): Promise<{ total: number; unmapped: number }>;
  /** Newest first. */
  listForShipment(shipmentId: string): Promise<TrackingEvent[]>;
  /** Writes new events and the shipment's derived fields in one transaction; duplicates are skipped. */
  applyTracking(write: TrackingWrite): Promise<{ eventsAdded: number }>;
}

export const API_KEY_ROLES = ['admin', 'merchant', 'support'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export interface ApiKeyRecord {
  id: string;
  name: string;
  role: ApiKeyRole;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ApiKeyStore {
  create(input: { name: string; role: ApiKeyRole; keyHash: string; prefix: string }, now: Date): Promise<ApiKeyRecord>;
  findActiveByHash(keyHash: string): Promise<ApiKeyRecord | null>;
  touch(id: string, now: Date): Promise<void>;
}

export interface PollRun {
  tickId: string;
  carrier: string;
  trigger: 'tick' | 'refresh';
  startedAt: Date;
  finishedAt: Date;
  /** Shipments asked of the carrier; those deferred (quota, cap, open circuit) are not counted. */
  requested: number;
  found: number;
  notFound: number;
  failed: number;
  eventsAdded: number;
  /** Of eventsAdded, those whose carrier code no status table knew (substatus `unmapped`). */
  eventsUnmapped: number;
  failureSummary: string | null;
}

export interface PollRunStore {
  record(run: PollRun): Promise<void>;
  /** The carrier's latest runs, newest first. */
  recentForCarrier(carrier: string, limit: number): Promise<PollRun[]>;
  lastTick(): Promise<{ tickId: string; startedAt: Date; finishedAt: Date } | null>;
  failuresSince(since: Date): Promise<number>;
  /** Per carrier: when a poll last got answers, and when one last failed (with its failure kinds). */
  carrierActivity(): Promise<Record<string, { lastSuccessAt: Date | null; lastFailureAt: Date | null; lastFailure: string | null }>>;
  /** Per carrier: events added, and how many of them had a code no table knew, in runs finished since then. */
  eventCountsSince(since: Date): Promise<Record<string, { added: number; unmapped: number }>>;
}

/** The circuit breaker of one carrier as persisted (carrier_circuits). */
export interface CarrierCircuit {
  carrier: string;
  state: CircuitState;
  consecutiveFailures: number;
  /** When the current outage began (kept while the circuit reopens after failed probes). */
  openedAt: Date | null;
  nextProbeAt: Date | null;
  /** Openings since the circuit last closed: each doubles the pause. */
  openings: number;
  lastFailureKind: string | null;
  updatedAt: Date;
}

export interface CircuitStore {
  get(carrier: string): Promise<CarrierCircuit | null>;
  save(circuit: CarrierCircuit): Promise<void>;
}

export interface CallReservation {
  carrier: string;
  /** `YYYY-MM-DD` in the carrier's quota zone. */
  day: string;
  /** Calls allowed per day; null: unlimited (the call is still counted). */
  dailyQuota: number | null;
  /** Polls allowed per shipment and day; null: none. */
  perShipmentDaily: number | null;
  shipmentIds: readonly string[];
  now: Date;
}

export interface QuotaStore {
  /**
   * Takes one call of the carrier's day and, with a per-shipment cap, one poll of each shipment
   * still under it, in one transaction. Nothing is taken when the quota is spent or every shipment
   * is at its cap; `capped` lists the shipments at their cap.
   */
  reserveCall(reservation: CallReservation): Promise<{ granted: boolean; capped: string[] }>;
  /** Calls counted on that quota day. */
  usedOn(carrier: string, day: string): Promise<number>;
}

export interface Store {
  shipments: ShipmentStore;
  quota: QuotaStore;
  circuits: CircuitStore;
  events: EventStore;
  apiKeys: ApiKeyStore;
  pollRuns: PollRunStore;
  anomalies: AnomalyStore;
  alerts: AlertStore;
  quarantine: QuarantineStore;
  /** Cheap liveness query for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type AnomalyChange =
  | {
      kind: 'open';
      shipmentId: string | null;
      carrier: string;
      code: AnomalyCode;
      severity: Severity;
      triggerKey: string;
      details: AnomalyDetails;
    }
  | { kind: 'update'; id: string; severity: Severity; details: AnomalyDetails }
  | { kind: 'resolve'; id: string; reason: string };

/** `unresolved`: open and acknowledged, the inbox. */
export type AnomalyStateFilter = AnomalyState | 'unresolved';

export const ANOMALY_ORDERS = ['newest', 'oldest'] as const;
export type AnomalyOrder = (typeof ANOMALY_ORDERS)[number];

export interface AnomalyFilter {
  state?: AnomalyStateFilter;
  code?: AnomalyCode;
  severity?: Severity;
  carrier?: string;
  since?: Date;
  limit: number;
  /** By opening (ids are time-ordered); newest first unless told. */
  order?: AnomalyOrder;
  /** Id of the last item of the previous page. */
  after?: string;
}

/** How people find the shipment an anomaly is about. */
export interface AnomalyShipmentRef {
  id: string;
  trackingNumber: string | null;
  reference: string | null;
  orderId: string | null;
}

/** A listed anomaly with its shipment's numbers, read in the same query; null for carrier-level ones. */
export interface ListedAnomaly extends Anomaly {
  shipment: AnomalyShipmentRef | null;
}

/** One day of a per-day count: [start, end) as instants. */
export interface DaySpan {
  start: Date;
  end: Date;
}

export interface SweepThresholds {
  /** Calendar-time lower bounds: business time never runs faster than the clock. */
  stalledSince: Record<'in_transit' | 'out_for_delivery' | 'attempt_failed', Date>;
  notShippedBefore: Date;
  awaitingPickupSince: Date;
  notFoundCreatedBefore: Date;
  deadlineBefore: Date;
}

export interface AnomalyStore {
  /** Every anomaly of these shipments (all states), oldest first. */
  forShipments(shipmentIds: readonly string[]): Promise<Map<string, Anomaly[]>>;
  /** Carrier-level anomalies of one carrier (all states), oldest first. */
  forCarrier(carrier: string): Promise<Anomaly[]>;
  /**
   * Applies an evaluation's changes in one transaction; every opening writes its outbox row in the
   * same transaction. An opening that would make a second unresolved anomaly of a code is skipped.
   */
  apply(changes: readonly AnomalyChange[], now: Date): Promise<{ opened: Anomaly[]; resolved: number; updated: number }>;
  get(id: string): Promise<Anomaly | null>;
  list(filter: AnomalyFilter): Promise<{ items: ListedAnomaly[]; hasMore: boolean }>;
  /** Per code: anomalies opened within each day (any state now), one count per day, in the order given. */
  openedPerDay<C extends AnomalyCode>(codes: readonly C[], days: readonly DaySpan[]): Promise<Record<C, number[]>>;
  acknowledge(id: string, by: string, note: string | null, now: Date): Promise<Anomaly | null>;
  resolveByPerson(id: string, by: string, note: string, now: Date): Promise<Anomaly | null>;
  countUnresolved(): Promise<{ byCode: Record<string, number>; bySeverity: Record<string, number> }>;
  /** Ids of shipments the sweep must look at, from indexed queries only. */
  sweepCandidates(thresholds: SweepThresholds, limit: number): Promise<string[]>;
}

/** One carrier answer kept for diagnosis: redacted before it reaches the store. */
export interface QuarantinedResponse {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
  body: string;
}

/** A poll whose answer could not be read: kept instead of half-ingested. */
export interface NewQuarantineEntry {
  carrier: string;
  tickId: string;
  receivedAt: Date;
  /** The numbers whose answer was unreadable. */
  numbers: readonly string[];
  detail: string;
  responses: readonly QuarantinedResponse[];
}

export interface QuarantineEntry extends NewQuarantineEntry {
  /** `pq_<n>`, growing with every entry. */
  id: string;
}

export interface QuarantineStore {
  /** Stores the entry and drops the carrier's oldest beyond `keepPerCarrier`, in one transaction. */
  add(entry: NewQuarantineEntry, keepPerCarrier: number): Promise<QuarantineEntry>;
  /** One carrier's entries, newest first; `after` is the id of the last item of the previous page. */
  list(filter: { carrier: string; limit: number; after?: string }): Promise<{ items: QuarantineEntry[]; hasMore: boolean }>;
}
