CREATE TABLE `carrier_circuits` (
	`carrier` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`opened_at` integer,
	`next_probe_at` integer,
	`openings` integer DEFAULT 0 NOT NULL,
	`last_failure_kind` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `carrier_quota_usage` (
	`carrier` text NOT NULL,
	`day` text NOT NULL,
	`used` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `carrier_quota_usage_carrier_day` ON `carrier_quota_usage` (`carrier`,`day`);--> statement-breakpoint
CREATE TABLE `poll_quarantine` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`carrier` text NOT NULL,
	`tick_id` text NOT NULL,
	`received_at` integer NOT NULL,
	`numbers` text NOT NULL,
	`detail` text NOT NULL,
	`responses` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `poll_quarantine_carrier_received_at` ON `poll_quarantine` (`carrier`,`received_at`);--> statement-breakpoint
ALTER TABLE `poll_runs` ADD `events_unmapped` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `shipments` ADD `next_poll_reason` text;--> statement-breakpoint
ALTER TABLE `shipments` ADD `poll_day` text;--> statement-breakpoint
ALTER TABLE `shipments` ADD `polls_on_day` integer DEFAULT 0 NOT NULL;