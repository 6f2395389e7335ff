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
    shippedAt: instant('shipped_at'),
    promisedBy: text('promised_by'),
    status: text('status').notNull(),
    substatus: text('substatus'),
    lastEventAt: instant('last_event_at'),
    estimatedDelivery: text('estimated_delivery'),
    nextPollAt: instant('next_poll_at'),
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
  },
  (t) => [index('poll_runs_finished_at').on(t.finishedAt), index('poll_runs_carrier_finished_at').on(t.carrier, t.finishedAt)],
);
