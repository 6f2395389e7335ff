/**
 * Confidence for the Turkish carriers (research carriers-tr.md §0.4 and each carrier's
 * numbers.ts) and the sandbox. Only PTT's barcode and the sandbox carry a check digit; the rest
 * are patterns, and Trendyol's 3-digit prefixes (725 Yurtiçi, 726 Aras, 728 MNG) are hints, not
 * rules (§0.4: its own TEX sample breaks the table). HepsiJet and Kolay Gelsin are never
 * detected from a number (their numbers.ts say why), so they need no confidence.
 */
import { recognisesArasNumber } from '../aras/numbers.js';
import { recognisesMngNumber } from '../mng/numbers.js';
import { recognisesPttBarcode } from '../ptt/numbers.js';
import { recognisesSandboxNumber } from '../sandbox/numbers.js';
import { recognisesSuratNumber } from '../surat/numbers.js';
import { recognisesYurticiNumber } from '../yurtici/numbers.js';
import { s10Confidence } from './s10.js';

/** A prefix hint without a check digit. */
const TRENDYOL_HINT = 0.45;
/** A bare digit pattern other carriers' numbers also fit. */
const PATTERN_ONLY = 0.3;

/** `SBX` + check digit: nobody else uses the prefix. */
export function sandboxConfidence(trackingNumber: string): number {
  return recognisesSandboxNumber(trackingNumber) ? 0.99 : 0;
}

/**
 * PTT: S10 numbers issued in Turkey (`RR123456785TR`), or the 13-digit barcode whose EAN-style
 * check digit any 13-digit number passes one time in ten.
 */
export function pttConfidence(trackingNumber: string): number {
  return Math.max(s10Confidence(trackingNumber, 'TR'), recognisesPttBarcode(trackingNumber) ? 0.6 : 0);
}

export function arasConfidence(trackingNumber: string): number {
  if (!recognisesArasNumber(trackingNumber)) return 0;
  return trackingNumber.startsWith('726') ? TRENDYOL_HINT : PATTERN_ONLY;
}

export function yurticiConfidence(trackingNumber: string): number {
  return recognisesYurticiNumber(trackingNumber) ? TRENDYOL_HINT : 0;
}

export function mngConfidence(trackingNumber: string): number {
  return recognisesMngNumber(trackingNumber) ? TRENDYOL_HINT : 0;
}

export function suratConfidence(trackingNumber: string): number {
  return recognisesSuratNumber(trackingNumber) ? PATTERN_ONLY : 0;
}
