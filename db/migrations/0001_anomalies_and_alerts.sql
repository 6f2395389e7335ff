CREATE TABLE `alert_digests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sent_at` integer NOT NULL,
	`new_count` integer NOT NULL,
	`open_count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `alert_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`anomaly_id` text NOT NULL,
	`severity` text NOT NULL,
	`created_at` integer NOT NULL,
	`immediate_sent_at` integer,
	`digested_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	FOREIGN KEY (`anomaly_id`) REFERENCES `anomalies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_outbox_anomaly` ON `alert_outbox` (`anomaly_id`);--> statement-breakpoint
CREATE INDEX `alert_outbox_pending_immediate` ON `alert_outbox` (`severity`,`immediate_sent_at`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `alert_outbox_pending_digest` ON `alert_outbox` (`digested_at`);--> statement-breakpoint
CREATE TABLE `anomalies` (
	`id` text PRIMARY KEY NOT NULL,
	`shipment_id` text,
	`carrier` text NOT NULL,
	`code` text NOT NULL,
	`severity` text NOT NULL,
	`state` text NOT NULL,
	`trigger_key` text NOT NULL,
	`opened_at` integer NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	`resolved_at` integer,
	`resolved_by` text,
	`resolution` text,
	`note` text,
	`details` text DEFAULT '{}' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `anomalies_one_unresolved_per_shipment` ON `anomalies` (`shipment_id`,`code`) WHERE "anomalies"."state" <> 'resolved' AND "anomalies"."shipment_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `anomalies_one_unresolved_per_carrier` ON `anomalies` (`carrier`,`code`) WHERE "anomalies"."state" <> 'resolved' AND "anomalies"."shipment_id" IS NULL;--> statement-breakpoint
CREATE INDEX `anomalies_shipment_code` ON `anomalies` (`shipment_id`,`code`);--> statement-breakpoint
CREATE INDEX `anomalies_state_opened_at` ON `anomalies` (`state`,`opened_at`);--> statement-breakpoint
CREATE INDEX `anomalies_opened_at` ON `anomalies` (`opened_at`);--> statement-breakpoint
ALTER TABLE `shipments` ADD `deadline_at` integer;--> statement-breakpoint
ALTER TABLE `shipments` ADD `return_requested` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `shipments` ADD `delivered_at` integer;--> statement-breakpoint
CREATE INDEX `shipments_status_last_event_at` ON `shipments` (`status`,`last_event_at`);--> statement-breakpoint
CREATE INDEX `shipments_status_created_at` ON `shipments` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `shipments_deadline_at` ON `shipments` (`deadline_at`);--> statement-breakpoint
CREATE INDEX `shipments_delivered_at` ON `shipments` (`delivered_at`);--> statement-breakpoint
CREATE INDEX `events_received_at` ON `events` (`received_at`);