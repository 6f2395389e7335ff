import type { Anomaly } from '../../anomalies/types.js';
import type { ListedAnomaly } from '../../store/types.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The short form embedded in a shipment. */
export function presentAnomalySummary(anomaly: Anomaly) {
  return {
    id: anomaly.id,
    code: anomaly.code,
    severity: anomaly.severity,
    state: anomaly.state,
    openedAt: anomaly.openedAt.toISOString(),
    resolvedAt: iso(anomaly.resolvedAt),
    details: anomaly.details,
  };
}

export function presentAnomaly(anomaly: Anomaly) {
  return {
    ...presentAnomalySummary(anomaly),
    shipmentId: anomaly.shipmentId,
    carrier: anomaly.carrier,
    acknowledgedAt: iso(anomaly.acknowledgedAt),
    acknowledgedBy: anomaly.acknowledgedBy,
    resolvedBy: anomaly.resolvedBy,
    resolution: anomaly.resolution,
    note: anomaly.note,
    updatedAt: anomaly.updatedAt.toISOString(),
  };
}

/** A list item: the anomaly and the numbers people know its shipment by (null: carrier-level). */
export function presentListedAnomaly(anomaly: ListedAnomaly) {
  return { ...presentAnomaly(anomaly), shipment: anomaly.shipment };
}
