import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const shipments = sqliteTable(
  'shipments',
  {
    id: text('id').primaryKey(),
    carrier: text('carrier').notNull(),
    trackingNumber: text('tracking_number'),
    reference: text('reference'),
    orderId: text('order_id'),
    customerName: text('customer_name'),
    customerEmail: text('customer_email'),
    customerPhone: text('customer_phone'),
    destinationCity: text('destination_city'),
    destinationCountry: text('destination_country'),
    serviceLevel: text('service_level'),
    /** The carrier's own service or carrier key (DHL `service`, 17TRACK carrier code), sent when polling. */
    carrierService: text('carrier_service'),
    shippedAt: instant('shipped_at'),
    promisedBy: text('promised_by'),
    /** The promised deadline as an instant (promisedBy, else shippedAt + service-level business days). */
    deadlineAt: instant('deadline_at'),
    /** The shop asked for this parcel to come back, so a return is no anomaly. */
    returnRequested: integer('return_requested', { mode: 'boolean' }).notNull().default(false),
    status: text('status').notNull(),
    substatus: text('substatus'),
    lastEventAt: instant('last_event_at'),
    /** When the current delivered status was reached (for on-time rates). */
    deliveredAt: instant('delivered_at'),
    estimatedDelivery: text('estimated_delivery'),
    /** JSON { receivedBy?, signatureUrl? } as the carrier gave it. */
    proofOfDelivery: text('proof_of_delivery'),
    nextPollAt: instant('next_poll_at'),
    /** Why nextPollAt is what it is (cadence, retry, deferred for quota, circuit open…), for people. */
    nextPollReason: text('next_poll_reason'),
    /** Carrier caps per shipment and day (DHL: 10): the quota day of the count, and the count. */
    pollDay: text('poll_day'),
    pollsOnDay: integer('polls_on_day').notNull().default(0),
    lastPolledAt: instant('last_polled_at'),
    lastPollError: text('last_poll_error'),
    pollFailures: integer('poll_failures').notNull().default(0),
    notFoundCount: integer('not_found_count').notNull().default(0),
    trackingStoppedAt: instant('tracking_stopped_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    // SQLite treats NULLs as distinct, so a shipment known only by one identifier never collides.
    uniqueIndex('shipments_carrier_tracking_number').on(t.carrier, t.trackingNumber),
    uniqueIndex('shipments_carrier_reference').on(t.carrier, t.reference),
    index('shipments_tracking_number').on(t.trackingNumber),
    index('shipments_reference').on(t.reference),
    index('shipments_order_id').on(t.orderId),
    index('shipments_next_poll_at').on(t.nextPollAt),
    index('shipments_status').on(t.status),
    index('shipments_carrier_status').on(t.carrier, t.status),
    // The anomaly sweep's candidate queries.
    index('shipments_status_last_event_at').on(t.status, t.lastEventAt),
    index('shipments_status_created_at').on(t.status, t.createdAt),
    index('shipments_deadline_at').on(t.deadlineAt),
    index('shipments_delivered_at').on(t.deliveredAt),
  ],
);

export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    shipmentId: text('shipment_id')
      .notNull()
      .references(() => shipments.id),
    fingerprint: text('fingerprint').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    localTime: text('local_time'),
    timeZone: text('time_zone'),
    status: text('status').notNull(),
    substatus: text('substatus'),
    carrierCode: text('carrier_code'),
    description: text('description').notNull(),
    location: text('location'),
    city: text('city'),
    country: text('country'),
    source: text('source').notNull(),
    receivedAt: instant('received_at').notNull(),
  },
  (t) => [
    uniqueIndex('events_fingerprint').on(t.fingerprint),
    index('events_shipment_occurred_at').on(t.shipmentId, t.occurredAt),
    index('events_received_at').on(t.receivedAt),
  ],
);

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    /** sha256 of the key; the key itself is shown once and never stored. */
    keyHash: text('key_hash').notNull(),
    /** First characters of the key, so people can tell their keys apart. */
    prefix: text('prefix').notNull(),
    createdAt: instant('created_at').notNull(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [uniqueIndex('api_keys_key_hash').on(t.keyHash)],
);

/** One row per carrier per poll tick (or manual refresh): what was asked and what came back. */
export const pollRuns = sqliteTable(
  'poll_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tickId: text('tick_id').notNull(),
    carrier: text('carrier').notNull(),
    trigger: text('trigger').notNull(),
    startedAt: instant('started_at').notNull(),
    finishedAt: instant('finished_at').notNull(),
    requested: integer('requested').notNull(),
    found: integer('found').notNull(),
    notFound: integer('not_found').notNull(),
    failed: integer('failed').notNull(),
    eventsAdded: integer('events_added').notNull(),
    /** Failure kinds seen, e.g. "unavailable:3,auth:1"; never carrier bodies or credentials. */
    failureSummary: text('failure_summary'),
    /** Events added whose carrier code no table knew (substatus unmapped). */
    eventsUnmapped: integer('events_unmapped').notNull().default(0),
  },
  (t) => [index('poll_runs_finished_at').on(t.finishedAt), index('poll_runs_carrier_finished_at').on(t.carrier, t.finishedAt)],
);

/**
 * Problems with a shipment (or a whole carrier, shipmentId null) that the shop should hear about.
 * At most one unresolved anomaly per code per shipment, and per code per carrier for carrier-level
 * codes: the partial unique indexes make that a database fact, not a hope.
 */
export const anomalies = sqliteTable(
  'anomalies',
  {
    id: text('id').primaryKey(),
    shipmentId: text('shipment_id').references(() => shipments.id),
    carrier: text('carrier').notNull(),
    code: text('code').notNull(),
    severity: text('severity').notNull(),
    state: text('state').notNull(),
    /** What set the rule off (an event fingerprint, a deadline…): a person's resolution holds until it changes. */
    triggerKey: text('trigger_key').notNull(),
    openedAt: instant('opened_at').notNull(),
    acknowledgedAt: instant('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    resolvedAt: instant('resolved_at'),
    /** `auto` or the name of the API key that resolved it. */
    resolvedBy: text('resolved_by'),
    resolution: text('resolution'),
    note: text('note'),
    /** JSON: how late, since when … */
    details: text('details').notNull().default('{}'),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('anomalies_one_unresolved_per_shipment')
      .on(t.shipmentId, t.code)
      .where(sql`${t.state} <> 'resolved' AND ${t.shipmentId} IS NOT NULL`),
    uniqueIndex('anomalies_one_unresolved_per_carrier')
      .on(t.carrier, t.code)
      .where(sql`${t.state} <> 'resolved' AND ${t.shipmentId} IS NULL`),
    index('anomalies_shipment_code').on(t.shipmentId, t.code),
    index('anomalies_state_opened_at').on(t.state, t.openedAt),
    index('anomalies_opened_at').on(t.openedAt),
  ],
);

/**
 * One row per anomaly opening, written in the transaction that opens it, so no opening is ever
 * lost between the engine and the mailer.
 */
export const alertOutbox = sqliteTable(
  'alert_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    anomalyId: text('anomaly_id')
      .notNull()
      .references(() => anomalies.id),
    severity: text('severity').notNull(),
    createdAt: instant('created_at').notNull(),
    /** Set once the SMTP server accepted the immediate mail (critical anomalies only). */
    immediateSentAt: instant('immediate_sent_at'),
    /** Set once a digest listing this opening was accepted. */
    digestedAt: instant('digested_at'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('alert_outbox_anomaly').on(t.anomalyId),
    index('alert_outbox_pending_immediate').on(t.severity, t.immediateSentAt, t.nextAttemptAt),
    index('alert_outbox_pending_digest').on(t.digestedAt),
  ],
);

/** Each digest the mailer got accepted, so the next one knows where "since the last digest" starts. */
export const alertDigests = sqliteTable('alert_digests', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  sentAt: instant('sent_at').notNull(),
  newCount: integer('new_count').notNull(),
  openCount: integer('open_count').notNull(),
});

/**
 * Calls spent against a carrier's daily quota, per quota day (the carrier's reset zone decides the
 * day), so a restart never forgets what was spent.
 */
export const carrierQuotaUsage = sqliteTable(
  'carrier_quota_usage',
  {
    carrier: text('carrier').notNull(),
    /** `YYYY-MM-DD` in the carrier's quota zone. */
    day: text('day').notNull(),
    used: integer('used').notNull().default(0),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [uniqueIndex('carrier_quota_usage_carrier_day').on(t.carrier, t.day)],
);

/** The circuit breaker of each carrier, kept across restarts. */
export const carrierCircuits = sqliteTable('carrier_circuits', {
  carrier: text('carrier').primaryKey(),
  /** closed | open | half_open */
  state: text('state').notNull(),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  openedAt: instant('opened_at'),
  /** While open: when a probe may be sent. */
  nextProbeAt: instant('next_probe_at'),
  /** How many times it opened in a row without closing (the pause doubles). */
  openings: integer('openings').notNull().default(0),
  lastFailureKind: text('last_failure_kind'),
  updatedAt: instant('updated_at').notNull(),
});

/**
 * Carrier answers that could not be read, kept with their raw bodies (secrets redacted) for
 * diagnosis; nothing of them was ingested.
 */
export const pollQuarantine = sqliteTable(
  'poll_quarantine',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    carrier: text('carrier').notNull(),
    tickId: text('tick_id').notNull(),
    receivedAt: instant('received_at').notNull(),
    /** JSON array of the numbers whose answer was unreadable. */
    numbers: text('numbers').notNull(),
    detail: text('detail').notNull(),
    /** JSON array of { method, path, status, contentType, body } of the responses of that call. */
    responses: text('responses').notNull(),
  },
  (t) => [index('poll_quarantine_carrier_received_at').on(t.carrier, t.receivedAt)],
);
