import type { CarrierRule, ShipmentRule } from '../types.js';
import { atRisk } from './at-risk.js';
import { awaitingPickup } from './awaiting-pickup.js';
import { carrierDrift } from './carrier-drift.js';
import { carrierUnreachable } from './carrier-unreachable.js';
import { deliveredWithoutScan } from './delivered-without-scan.js';
import { deliveryFailed } from './delivery-failed.js';
import { exception } from './exception.js';
import { late } from './late.js';
import { notFound } from './not-found.js';
import { notShipped } from './not-shipped.js';
import { returning } from './returning.js';
import { stalled } from './stalled.js';
import { statusRegression } from './status-regression.js';

/** Order matters once: `late` runs before `at_risk`, which steps aside for it. */
export const SHIPMENT_RULES: readonly ShipmentRule[] = [
  deliveredWithoutScan,
  statusRegression,
  late,
  atRisk,
  stalled,
  notShipped,
  deliveryFailed,
  awaitingPickup,
  exception,
  returning,
  notFound,
];

export const CARRIER_RULES: readonly CarrierRule[] = [carrierUnreachable, carrierDrift];
