import type { InferSelectModel } from 'drizzle-orm';
import type { anomalies } from '../../../db/schema.js';
import type { Anomaly, AnomalyCode, AnomalyDetails, AnomalyState, Severity } from '../../anomalies/types.js';

type AnomalyRow = InferSelectModel<typeof anomalies>;

export function toAnomaly(row: AnomalyRow): Anomaly {
  return {
    id: row.id,
    shipmentId: row.shipmentId,
    carrier: row.carrier,
    code: row.code as AnomalyCode,
    severity: row.severity as Severity,
    state: row.state as AnomalyState,
    triggerKey: row.triggerKey,
    openedAt: row.openedAt,
    acknowledgedAt: row.acknowledgedAt,
    acknowledgedBy: row.acknowledgedBy,
    resolvedAt: row.resolvedAt,
    resolvedBy: row.resolvedBy,
    resolution: row.resolution,
    note: row.note,
    details: parseDetails(row.details),
    updatedAt: row.updatedAt,
  };
}

function parseDetails(text: string): AnomalyDetails {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as AnomalyDetails) : {};
  } catch {
    return {};
  }
}
