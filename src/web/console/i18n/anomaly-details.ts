/**
 * A rule's evidence (src/anomalies/rules: `details`) in words: "Son teslim: 20.11.2026 23:59 ·
 * İş günü gecikme: 2,05". Keys a newer server adds show as themselves; carrier text stays text.
 */
import { formatInstant, formatNumber, formatPercent } from '../format.js';
import { language, type Language } from './language.js';
import { statusLabel, substatusLabel } from './vocabulary.js';

const KEYS: Record<Language, Record<string, string>> = {
  tr: {
    attemptedAt: 'Deneme',
    deadline: 'Son teslim',
    deliveredAt: 'Teslim',
    description: 'Kargo açıklaması',
    estimatedDelivery: 'Tahmini teslim',
    events: 'Hareket',
    failedPolls: 'Başarısız sorgu',
    lastFailureKind: 'Son hata',
    circuit: 'Bağlantı',
    lateBusinessDays: 'Gecikme (iş günü)',
    movedAt: 'Hareket zamanı',
    reason: 'Neden',
    since: 'Başlangıç',
    status: 'Durum',
    substatus: 'Alt durum',
    unmapped: 'Tanınmayan',
    unmappedShare: 'Tanınmayan kod oranı',
  },
  en: {
    attemptedAt: 'Attempted',
    deadline: 'Deadline',
    deliveredAt: 'Delivered',
    description: 'Carrier says',
    estimatedDelivery: 'Estimated delivery',
    events: 'Events',
    failedPolls: 'Failed polls',
    lastFailureKind: 'Last failure',
    circuit: 'Connection',
    lateBusinessDays: 'Late (business days)',
    movedAt: 'Moved',
    reason: 'Reason',
    since: 'Since',
    status: 'Status',
    substatus: 'Substatus',
    unmapped: 'Unmapped',
    unmappedShare: 'Unmapped share',
  },
};

const REASONS: Record<Language, Record<string, string>> = {
  tr: { deadline_near: 'son teslim yaklaşıyor', estimate_after_deadline: 'kargonun tahmini son teslimden sonra' },
  en: { deadline_near: 'deadline is near', estimate_after_deadline: "carrier's estimate is after the deadline" },
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function valueText(name: string, value: string | number | boolean): string {
  if (typeof value === 'boolean') return language() === 'tr' ? (value ? 'evet' : 'hayır') : value ? 'yes' : 'no';
  if (typeof value === 'number') return name === 'unmappedShare' ? formatPercent(value) : formatNumber(value, Number.isInteger(value) ? 0 : 2);
  if (name === 'status') return statusLabel(value);
  if (name === 'substatus') return substatusLabel(value);
  if (name === 'reason') return REASONS[language()][value] ?? value;
  return INSTANT.test(value) ? formatInstant(value) : value;
}

export function anomalyDetailsText(details: Record<string, string | number | boolean | null>): string {
  return Object.entries(details)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== null && entry[1] !== '')
    .map(([name, value]) => `${KEYS[language()][name] ?? name}: ${valueText(name, value)}`)
    .join(' · ');
}
