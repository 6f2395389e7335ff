/**
 * The only place that knows the anomaly lifecycle (DESIGN §8): runs the pure rules over a shipment
 * or a carrier, decides what opens, escalates or resolves, and hands the changes to the store in one
 * transaction (which also writes the alert outbox rows).
 */
import type { Logger } from 'pino';
import type { BusinessCalendar } from '../domain/calendar.js';
import { noMetrics, type Metrics } from '../metrics/types.js';
import type { AnomalyChange, Store } from '../store/types.js';
import { CARRIER_RULES, SHIPMENT_RULES } from './rules/index.js';
import type { Anomaly, AnomalyCode, AnomalySettings, CarrierHealthInput, Finding, ShipmentRuleInput } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const SWEEP_BATCH = 500;

export interface AnomalyEngineDeps {
  store: Store;
  calendar: BusinessCalendar;
  settings: AnomalySettings;
  now: () => Date;
  logger: Logger;
  /** Counts anomalies opened (shipwatch_anomalies_opened_total). */
  metrics?: Metrics;
}

export interface EvaluationResult {
  opened: number;
  resolved: number;
  updated: number;
}

export interface SweepResult extends EvaluationResult {
  shipmentsChecked: number;
  carriersChecked: number;
}

export interface AnomalyEngine {
  evaluateShipments(shipmentIds: readonly string[]): Promise<EvaluationResult>;
  evaluateCarriers(carriers: readonly string[]): Promise<EvaluationResult>;
  /** Time-based rules: candidates from indexed queries, then the same evaluation as after ingest. */
  sweep(carriers: readonly string[], maxShipments?: number): Promise<SweepResult>;
}

export function createAnomalyEngine(deps: AnomalyEngineDeps): AnomalyEngine {
  const log = deps.logger.child({ component: 'anomalies' });
  const metrics = deps.metrics ?? noMetrics;

  async function evaluateShipments(shipmentIds: readonly string[]): Promise<EvaluationResult> {
    const total: EvaluationResult = { opened: 0, resolved: 0, updated: 0 };
    if (shipmentIds.length === 0) return total;
    const now = deps.now();
    const known = await deps.store.anomalies.forShipments(shipmentIds);
    const changes: AnomalyChange[] = [];
    for (const id of shipmentIds) {
      const shipment = await deps.store.shipments.get(id);
      if (!shipment) continue;
      const events = (await deps.store.events.listForShipment(id)).reverse();
      const history = known.get(id) ?? [];
      const unresolved = new Map<AnomalyCode, Anomaly>(history.filter((a) => a.state !== 'resolved').map((a) => [a.code, a]));
      const codes = new Set<AnomalyCode>(unresolved.keys());
      for (const rule of SHIPMENT_RULES) {
        const input: ShipmentRuleInput = { shipment, events, now, calendar: deps.calendar, settings: deps.settings, unresolved: codes };
        const current = unresolved.get(rule.code);
        const resolution = current ? rule.resolves(input, current) : null;
        const change = decide(current, resolution, () => rule.opens(input), history, rule.code, rule.severity);
        if (!change) continue;
        if (change.kind === 'open') {
          changes.push({ ...change, shipmentId: shipment.id, carrier: shipment.carrier });
          codes.add(rule.code);
        } else {
          changes.push(change);
          if (change.kind === 'resolve') codes.delete(rule.code);
        }
      }
    }
    return applyChanges(changes, now);
  }

  async function evaluateCarriers(carriers: readonly string[]): Promise<EvaluationResult> {
    const now = deps.now();
    const changes: AnomalyChange[] = [];
    for (const carrier of carriers) {
      const circuit = await deps.store.circuits.get(carrier);
      const input: CarrierHealthInput = {
        carrier,
        now,
        settings: deps.settings,
        circuit: circuit && { state: circuit.state, openedAt: circuit.openedAt, consecutiveFailures: circuit.consecutiveFailures, lastFailureKind: circuit.lastFailureKind },
        recentEvents: await deps.store.events.unmappedShare(carrier, new Date(now.getTime() - deps.settings.driftWindowHours * HOUR_MS)),
      };
      const history = await deps.store.anomalies.forCarrier(carrier);
      for (const rule of CARRIER_RULES) {
        const current = history.find((a) => a.code === rule.code && a.state !== 'resolved');
        const change = decide(current, current ? rule.resolves(input, current) : null, () => rule.opens(input), history, rule.code, rule.severity);
        if (change?.kind === 'open') changes.push({ ...change, shipmentId: null, carrier });
        else if (change) changes.push(change);
      }
    }
    return applyChanges(changes, now);
  }

  async function applyChanges(changes: AnomalyChange[], now: Date): Promise<EvaluationResult> {
    if (changes.length === 0) return { opened: 0, resolved: 0, updated: 0 };
    const result = await deps.store.anomalies.apply(changes, now);
    for (const anomaly of result.opened) {
      metrics.anomalyOpened(anomaly.code, anomaly.severity);
      log.info({ anomalyId: anomaly.id, code: anomaly.code, severity: anomaly.severity, shipmentId: anomaly.shipmentId, carrier: anomaly.carrier }, 'anomaly opened');
    }
    return { opened: result.opened.length, resolved: result.resolved, updated: result.updated };
  }

  return {
    evaluateShipments,
    evaluateCarriers,
    async sweep(carriers, maxShipments = 100_000) {
      const now = deps.now();
      const s = deps.settings;
      const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
      const ids = await deps.store.anomalies.sweepCandidates(
        {
          stalledSince: {
            in_transit: ago(s.stalledBusinessDays.in_transit),
            out_for_delivery: ago(s.stalledBusinessDays.out_for_delivery),
            attempt_failed: ago(s.stalledBusinessDays.attempt_failed),
          },
          notShippedBefore: ago(s.notShippedBusinessDays),
          awaitingPickupSince: ago(s.awaitingPickupDays),
          notFoundCreatedBefore: new Date(now.getTime() - s.notFoundHours * HOUR_MS),
          // at_risk looks ahead; weekends and bayrams can stretch one business day over several calendar days.
          deadlineBefore: new Date(now.getTime() + (s.atRiskBusinessDays + 10) * DAY_MS),
        },
        maxShipments,
      );
      const total: SweepResult = { opened: 0, resolved: 0, updated: 0, shipmentsChecked: ids.length, carriersChecked: carriers.length };
      for (let i = 0; i < ids.length; i += SWEEP_BATCH) {
        add(total, await evaluateShipments(ids.slice(i, i + SWEEP_BATCH)));
      }
      add(total, await evaluateCarriers(carriers));
      log.info(total, 'anomaly sweep finished');
      return total;
    },
  };
}

type Decision =
  | { kind: 'open'; code: AnomalyCode; severity: Anomaly['severity']; triggerKey: string; details: Finding['details'] }
  | { kind: 'update'; id: string; severity: Anomaly['severity']; details: Finding['details'] }
  | { kind: 'resolve'; id: string; reason: string }
  | null;

/**
 * The lifecycle in one place: an unresolved anomaly resolves when its rule says so, or follows the
 * rule's latest finding (details, escalation; never a downgrade); without one, a finding opens a new
 * anomaly unless a person already resolved this very trigger.
 */
function decide(
  current: Anomaly | undefined,
  resolution: string | null,
  find: () => Finding | null,
  history: readonly Anomaly[],
  code: AnomalyCode,
  defaultSeverity: Anomaly['severity'],
): Decision {
  if (current) {
    if (resolution) return { kind: 'resolve', id: current.id, reason: resolution };
    const finding = find();
    if (!finding) return null;
    const severity = rank(finding.severity ?? defaultSeverity) > rank(current.severity) ? (finding.severity ?? defaultSeverity) : current.severity;
    if (severity === current.severity && sameDetails(current.details, finding.details)) return null;
    return { kind: 'update', id: current.id, severity, details: finding.details };
  }
  const finding = find();
  if (!finding) return null;
  const heldByPerson = history.some((a) => a.code === code && a.state === 'resolved' && a.resolvedBy !== 'auto' && a.triggerKey === finding.trigger);
  if (heldByPerson) return null;
  return { kind: 'open', code, severity: finding.severity ?? defaultSeverity, triggerKey: finding.trigger, details: finding.details };
}

const RANK = { medium: 0, high: 1, critical: 2 } as const;
const rank = (s: Anomaly['severity']) => RANK[s];

function sameDetails(a: Finding['details'], b: Finding['details']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function add(total: EvaluationResult, more: EvaluationResult): void {
  total.opened += more.opened;
  total.resolved += more.resolved;
  total.updated += more.updated;
}
