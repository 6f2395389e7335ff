/**
 * UPU S10 item identifiers: two letters (service indicator), eight serial digits, a check digit
 * (weights 8,6,4,2,3,5,9,7, mod 11) and the ISO 3166-1 alpha-2 code of the issuing post, e.g.
 * `EE471108151FR`. The country says whose number it is: `US` is USPS's, `TR` is PTT's, any other
 * belongs to a post shipwatch has no direct adapter for and tracks through 17TRACK.
 */
import { s10CheckDigit } from './check-digits.js';

const S10_PATTERN = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;

/** ISO 3166-1 alpha-2, grouped by first letter; an S10 number from "XX" is no post's. */
const ISO_COUNTRIES: ReadonlySet<string> = new Set(
  [
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ',
    'BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ',
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ',
    'DE DJ DK DM DO DZ',
    'EC EE EG EH ER ES ET',
    'FI FJ FK FM FO FR',
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY',
    'HK HM HN HR HT HU',
    'ID IE IL IM IN IO IQ IR IS IT',
    'JE JM JO JP',
    'KE KG KH KI KM KN KP KR KW KY KZ',
    'LA LB LC LI LK LR LS LT LU LV LY',
    'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ',
    'NA NC NE NF NG NI NL NO NP NR NU NZ',
    'OM',
    'PA PE PF PG PH PK PL PM PN PR PS PT PW PY',
    'QA',
    'RE RO RS RU RW',
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ',
    'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ',
    'UA UG UM US UY UZ',
    'VA VC VE VG VI VN VU',
    'WF WS',
    'YE YT',
    'ZA ZM ZW',
  ]
    .join(' ')
    .split(' '),
);

export interface S10Number {
  serviceIndicator: string;
  country: string;
}

/** The parts of a valid S10 number (pattern, check digit, real country), or null. */
export function parseS10(trackingNumber: string): S10Number | null {
  const match = S10_PATTERN.exec(trackingNumber);
  if (!match) return null;
  const [, serviceIndicator = '', serial = '', check = '', country = ''] = match;
  if (!ISO_COUNTRIES.has(country) || s10CheckDigit(serial) !== Number(check)) return null;
  return { serviceIndicator, country };
}

/** A verified check digit on a shape no courier shares, naming the post by its country. */
export const S10_CONFIDENCE = 0.98;

/** Countries whose post has its own shipwatch carrier. */
export const POSTS_WITH_ADAPTERS: Readonly<Record<string, string>> = { US: 'usps', TR: 'ptt' };

/** S10_CONFIDENCE when the number is a valid S10 number issued in `country`, else 0. */
export function s10Confidence(trackingNumber: string, country: string): number {
  return parseS10(trackingNumber)?.country === country ? S10_CONFIDENCE : 0;
}

/**
 * Any other post's S10 number, for the long-tail carrier (17TRACK follows every UPU post). A bit
 * below S10_CONFIDENCE: the number is surely a post's, but the long tail only stands in for it.
 */
export function otherPostConfidence(trackingNumber: string): number {
  const parsed = parseS10(trackingNumber);
  return parsed && !Object.hasOwn(POSTS_WITH_ADAPTERS, parsed.country) ? 0.95 : 0;
}
