/** The JSON the console reads, as src/api/presenters and routes write it. */
export type Role = 'admin' | 'merchant' | 'support';

export interface Me {
  name: string;
  role: Role;
  /** The shop's zone: times are shown in it. */
  timeZone: string;
  can: {
    registerShipments: boolean;
    refreshShipments: boolean;
    stopTracking: boolean;
    acknowledgeAnomalies: boolean;
    resolveAnomalies: boolean;
    scanAnomalies: boolean;
    manageKeys: boolean;
    readQuarantine: boolean;
  };
}

export interface AnomalySummary {
  id: string;
  code: string;
  severity: 'critical' | 'high' | 'medium';
  state: 'open' | 'acknowledged' | 'resolved';
  openedAt: string;
  resolvedAt: string | null;
  details: Record<string, string | number | boolean | null>;
}

export interface Anomaly extends AnomalySummary {
  shipmentId: string | null;
  carrier: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedBy: string | null;
  resolution: string | null;
  note: string | null;
  updatedAt: string;
  shipment: { id: string; trackingNumber: string | null; reference: string | null; orderId: string | null } | null;
}

export interface TrackingEvent {
  occurredAt: string | null;
  localTime: string | null;
  timeZone: string | null;
  status: string;
  substatus: string | null;
  description: string | null;
  carrierCode: string | null;
  location: string | null;
  city: string | null;
  country: string | null;
  source: string;
  receivedAt: string;
}

export interface Shipment {
  id: string;
  trackingNumber: string | null;
  reference: string | null;
  carrier: string;
  carrierName: string;
  orderId: string | null;
  status: string;
  substatus: string | null;
  lastEventAt: string | null;
  deliveredAt: string | null;
  promisedBy: string | null;
  deadlineAt: string | null;
  late: boolean;
  publicTrackingUrl: string | null;
  estimatedDelivery: string | null;
  customer: { name?: string | null; email?: string | null; phone?: string | null } | null;
  destination: { city?: string | null; country?: string | null } | null;
  tracking: {
    active: boolean;
    polled: boolean;
    stoppedAt: string | null;
    lastPolledAt: string | null;
    nextPollAt: string | null;
    nextPollReason: string | null;
    lastError: string | null;
  };
  createdAt: string;
  updatedAt: string;
}

export interface ShipmentStory extends Shipment {
  anomalies: AnomalySummary[];
  events: TrackingEvent[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Health {
  shipments: { total: number; byStatus: Record<string, number>; byCarrier: Record<string, number> };
  anomalies: { open: number; openByCode: Record<string, number>; openBySeverity: Record<string, number> };
  onTimeLast30Days: Record<string, { delivered: number; onTime: number; rate: number | null }>;
  transitLast30Days: Record<string, { delivered: number; medianDays: number | null }>;
  trendsLast30Days: { timeZone: string; days: string[]; late: number[]; stalled: number[] };
  polling: { lastTick: { startedAt: string; finishedAt: string } | null; tickRunning: boolean; pollErrorsLastHour: number };
}

export interface CarrierHealthItem {
  code: string;
  displayName: string;
  configured: boolean;
  polled: boolean;
  shipments: number;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastFailure: string | null;
  lastFailureKind: string | null;
  circuit: { state: string; consecutiveFailures: number; openedAt: string | null; nextProbeAt: string | null } | null;
  quota: { day: string; used: number; limit: number | null; left: number | null; resetsAt: string | null } | null;
  unmappedShare: number | null;
}

export interface BulkAcknowledgeResult {
  items: Array<{ id: string; ok: true; anomaly: Anomaly } | { id: string; ok: false; error: { code: string; message: string } }>;
}
