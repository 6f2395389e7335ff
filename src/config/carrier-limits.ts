/**
 * Per-carrier limit overrides (issue 6 §1): CARRIER_<CODE>_REQUESTS_PER_SECOND, _CONCURRENCY,
 * _MAX_BATCH, _DAILY_QUOTA, _PER_SHIPMENT_DAILY replace the adapter's documented defaults, for a
 * shop whose plan with the carrier differs. Unset keeps the default. A bad value is a problem
 * naming the variable, never echoing the value.
 */
import type { LimitOverrides } from '../tracking/governor/limits.js';

const SETTINGS = [
  { suffix: 'REQUESTS_PER_SECOND', key: 'requestsPerSecond', integer: false },
  { suffix: 'CONCURRENCY', key: 'concurrency', integer: true },
  { suffix: 'MAX_BATCH', key: 'maxBatch', integer: true },
  { suffix: 'DAILY_QUOTA', key: 'dailyQuota', integer: true },
  { suffix: 'PER_SHIPMENT_DAILY', key: 'perShipmentDaily', integer: true },
] as const satisfies readonly { suffix: string; key: keyof LimitOverrides; integer: boolean }[];

export const CARRIER_LIMIT_SUFFIXES: readonly string[] = SETTINGS.map((s) => s.suffix);

export function carrierLimitVariable(code: string, suffix: string): string {
  return `CARRIER_${code.toUpperCase()}_${suffix}`;
}

export function loadCarrierLimitOverrides(
  env: Readonly<Record<string, string | undefined>>,
  codes: readonly string[],
): { overrides: Record<string, LimitOverrides>; problems: string[] } {
  const overrides: Record<string, LimitOverrides> = {};
  const problems: string[] = [];
  for (const code of codes) {
    const found: LimitOverrides = {};
    for (const setting of SETTINGS) {
      const name = carrierLimitVariable(code, setting.suffix);
      const raw = env[name]?.trim();
      if (raw === undefined || raw === '') continue;
      const value = Number(raw);
      if (!Number.isFinite(value) || value <= 0 || (setting.integer && !Number.isInteger(value))) {
        problems.push(`${name}: must be a positive ${setting.integer ? 'whole number' : 'number'}`);
        continue;
      }
      found[setting.key] = value;
    }
    if (Object.keys(found).length > 0) overrides[code] = Object.freeze(found);
  }
  return { overrides, problems };
}
