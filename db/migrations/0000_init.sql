CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`key_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shipment_id` text NOT NULL,
	`fingerprint` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`local_time` text,
	`time_zone` text,
	`status` text NOT NULL,
	`substatus` text,
	`carrier_code` text,
	`description` text NOT NULL,
	`location` text,
	`city` text,
	`country` text,
	`source` text NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_fingerprint` ON `events` (`fingerprint`);--> statement-breakpoint
CREATE INDEX `events_shipment_occurred_at` ON `events` (`shipment_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `poll_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tick_id` text NOT NULL,
	`carrier` text NOT NULL,
	`trigger` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer NOT NULL,
	`requested` integer NOT NULL,
	`found` integer NOT NULL,
	`not_found` integer NOT NULL,
	`failed` integer NOT NULL,
	`events_added` integer NOT NULL,
	`failure_summary` text
);
--> statement-breakpoint
CREATE INDEX `poll_runs_finished_at` ON `poll_runs` (`finished_at`);--> statement-breakpoint
CREATE INDEX `poll_runs_carrier_finished_at` ON `poll_runs` (`carrier`,`finished_at`);--> statement-breakpoint
CREATE TABLE `shipments` (
	`id` text PRIMARY KEY NOT NULL,
	`carrier` text NOT NULL,
	`tracking_number` text,
	`reference` text,
	`order_id` text,
	`customer_name` text,
	`customer_email` text,
	`customer_phone` text,
	`destination_city` text,
	`destination_country` text,
	`service_level` text,
	`shipped_at` integer,
	`promised_by` text,
	`status` text NOT NULL,
	`substatus` text,
	`last_event_at` integer,
	`estimated_delivery` text,
	`next_poll_at` integer,
	`last_polled_at` integer,
	`last_poll_error` text,
	`poll_failures` integer DEFAULT 0 NOT NULL,
	`not_found_count` integer DEFAULT 0 NOT NULL,
	`tracking_stopped_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_carrier_tracking_number` ON `shipments` (`carrier`,`tracking_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_carrier_reference` ON `shipments` (`carrier`,`reference`);--> statement-breakpoint
CREATE INDEX `shipments_tracking_number` ON `shipments` (`tracking_number`);--> statement-breakpoint
CREATE INDEX `shipments_reference` ON `shipments` (`reference`);--> statement-breakpoint
CREATE INDEX `shipments_order_id` ON `shipments` (`order_id`);--> statement-breakpoint
CREATE INDEX `shipments_next_poll_at` ON `shipments` (`next_poll_at`);--> statement-breakpoint
CREATE INDEX `shipments_status` ON `shipments` (`status`);--> statement-breakpoint
CREATE INDEX `shipments_carrier_status` ON `shipments` (`carrier`,`status`);