import { createHash } from 'node:crypto';

export interface FingerprintInput {
  shipmentId: string;
  occurredAt: Date;
  rawCode: string | null;
  status: string;
  location: string | null;
  description: string;
}

/**
 * Identity of an event for de-duplication (DESIGN §5). Keyed on the shipment id rather than the
 * tracking number, because a parcel registered by reference gets its carrier number later and its
 * earlier events must keep their identity. Events without a carrier code (manual, pushed) fall
 * back to status and description.
 */
export function eventFingerprint(input: FingerprintInput): string {
  const what = input.rawCode ?? `${input.status}|${input.description.trim()}`;
  const where = (input.location ?? '').trim().toLocaleLowerCase('tr-TR');
  return createHash('sha256')
    .update([input.shipmentId, input.occurredAt.toISOString(), what, where].join('\u001f'))
    .digest('hex');
}
