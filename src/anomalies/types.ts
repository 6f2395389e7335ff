/** The anomaly catalogue (DESIGN §8) and the shape rules and the engine share. */
import type { BusinessCalendar } from '../domain/calendar.js';
import type { Shipment, TrackingEvent } from '../domain/shipment.js';

export const SHIPMENT_ANOMALY_CODES = [
  'delivered_without_scan',
  'status_regression',
  'late',
  'at_risk',
  'stalled',
  'not_shipped',
  'delivery_failed',
  'awaiting_pickup',
  'exception',
  'returning',
  'not_found',
] as const;
export const CARRIER_ANOMALY_CODES = ['carrier_unreachable', 'carrier_drift'] as const;
export const ANOMALY_CODES = [...SHIPMENT_ANOMALY_CODES, ...CARRIER_ANOMALY_CODES] as const;
export type ShipmentAnomalyCode = (typeof SHIPMENT_ANOMALY_CODES)[number];
export type CarrierAnomalyCode = (typeof CARRIER_ANOMALY_CODES)[number];
export type AnomalyCode = (typeof ANOMALY_CODES)[number];

export const SEVERITIES = ['critical', 'high', 'medium'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ANOMALY_STATES = ['open', 'acknowledged', 'resolved'] as const;
export type AnomalyState = (typeof ANOMALY_STATES)[number];

export type AnomalyDetails = Record<string, string | number | boolean | null>;

export interface Anomaly {
  id: string;
  /** Null for carrier-level codes. */
  shipmentId: string | null;
  carrier: string;
  code: AnomalyCode;
  severity: Severity;
  state: AnomalyState;
  triggerKey: string;
  openedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  resolvedAt: Date | null;
  /** `auto` or the name of the API key that resolved it. */
  resolvedBy: string | null;
  resolution: string | null;
  note: string | null;
  details: AnomalyDetails;
  updatedAt: Date;
}

/** Thresholds a shop can tune (all from config; defaults per DESIGN §8). */
export interface AnomalySettings {
  stalledBusinessDays: { in_transit: number; out_for_delivery: number; attempt_failed: number };
  notShippedBusinessDays: number;
  awaitingPickupDays: number;
  notFoundHours: number;
  atRiskBusinessDays: number;
  lateCriticalBusinessDays: number;
  carrierUnreachableMinutes: number;
  /** carrier_drift: share of unmapped codes among a carrier's recent events that counts as a jump. */
  driftShare: number;
  driftMinEvents: number;
  driftWindowHours: number;
}

export interface ShipmentRuleInput {
  shipment: Shipment;
  /** Oldest first. */
  events: readonly TrackingEvent[];
  now: Date;
  calendar: BusinessCalendar;
  settings: AnomalySettings;
  /** Codes of this shipment's unresolved anomalies (lets `at_risk` step aside for `late`). */
  unresolved: ReadonlySet<AnomalyCode>;
}

export interface Finding {
  /** What set the rule off; a person's resolution holds until this changes. */
  trigger: string;
  details: AnomalyDetails;
  /** Overrides the rule's default severity (late turns critical). */
  severity?: Severity;
}

export interface ShipmentRule {
  code: ShipmentAnomalyCode;
  severity: Severity;
  opens(input: ShipmentRuleInput): Finding | null;
  /** A reason when the anomaly should close by itself; null when only a person may close it. */
  resolves(input: ShipmentRuleInput, anomaly: Anomaly): string | null;
}

export interface CarrierHealthInput {
  carrier: string;
  now: Date;
  settings: AnomalySettings;
  /** The carrier's circuit breaker as the poller left it; null when it never failed. */
  circuit: {
    state: 'closed' | 'open' | 'half_open';
    /** Start of the current outage (first opening). */
    openedAt: Date | null;
    consecutiveFailures: number;
    lastFailureKind: string | null;
  } | null;
  /** Events received from this carrier in the drift window and how many were unmapped. */
  recentEvents: { total: number; unmapped: number };
}

export interface CarrierRule {
  code: CarrierAnomalyCode;
  severity: Severity;
  opens(input: CarrierHealthInput): Finding | null;
  resolves(input: CarrierHealthInput, anomaly: Anomaly): string | null;
}
