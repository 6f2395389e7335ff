/** What the mailer needs from storage and what a mail is about. */
import type { Anomaly } from '../anomalies/types.js';
import type { Shipment } from '../domain/shipment.js';

/** An anomaly with the shipment it concerns (null for carrier-level anomalies). */
export interface AlertItem {
  anomaly: Anomaly;
  shipment: Shipment | null;
}

export interface OutboxRow {
  id: number;
  anomalyId: string;
  severity: Anomaly['severity'];
  createdAt: Date;
  immediateSentAt: Date | null;
  digestedAt: Date | null;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
}

export interface PendingAlert {
  row: OutboxRow;
  item: AlertItem;
}

export interface AlertStore {
  /** Critical openings whose immediate mail was not accepted yet and whose next attempt is due. */
  pendingImmediate(now: Date, limit: number): Promise<PendingAlert[]>;
  markImmediateSent(rowId: number, at: Date): Promise<void>;
  /** Records a failed send (immediate or digest) and when to try again. */
  markAttemptFailed(rowIds: readonly number[], error: string, nextAttemptAt: Date): Promise<void>;
  /** Openings no accepted digest has listed yet, oldest first. */
  pendingDigest(limit: number): Promise<PendingAlert[]>;
  /** Unresolved anomalies (open or acknowledged), most severe first, then oldest first. */
  unresolved(limit: number): Promise<AlertItem[]>;
  lastDigestAt(): Promise<Date | null>;
  /** After the SMTP server accepted a digest: marks its rows digested and records it, in one transaction. */
  recordDigest(rowIds: readonly number[], at: Date, counts: { newCount: number; openCount: number }): Promise<void>;
}
