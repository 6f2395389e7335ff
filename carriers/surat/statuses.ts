import type { StatusMapping } from '../contract.js';

/**
 * Sürat's `KargonunDurumuSayi` / `KargoHareketKargonunDurumuSayi` codes 1–16 (research
 * carriers-tr.md §5, quoted from Sürat's "official 2024 doc" in one project, [1]), each mapped to one
 * canonical status (DESIGN §4). Keyed by code so a duplicate is a compile error; codes nobody listed
 * here go through `mapStatus()` and come out `unmapped`. The return codes 9–16 are not trusted on
 * their own: `returns.ts` decides returns on the return flag and the text, as the research warns.
 */
export const SURAT_STATUSES = {
  /** Gönderi Hazırlanıyor: shown only once the branch accepted the parcel (before that Sürat answers "kargo kabul bekleniyor"). */
  '1': { status: 'in_transit', substatus: 'in_transit.picked_up' },
  /** Transfer Merkezinde */
  '2': { status: 'in_transit', substatus: 'in_transit.hub_scan' },
  /** Gönderi Yolda */
  '3': { status: 'in_transit' },
  /** Teslimat Şubesinde */
  '4': { status: 'in_transit', substatus: 'in_transit.arrived_at_branch' },
  /** Kurye Dağıtımda */
  '5': { status: 'out_for_delivery' },
  /** Teslim Edildi */
  '6': { status: 'delivered' },
  /** MGT Teslim Edildi (a delivered variant; what MGT stands for is undocumented) */
  '7': { status: 'delivered' },
  /** Yönlendirme Sürecinde: being redirected, still moving */
  '8': { status: 'in_transit' },
  /** İade Sürecinde */
  '9': { status: 'returning' },
  /** İade Gönderi Hazırlanıyor */
  '10': { status: 'returning' },
  /** İade Transfer Merkezinde */
  '11': { status: 'returning' },
  /** İade Teslim Edildi: back with the sender */
  '12': { status: 'returned' },
  /** İade Gönderi Yolda */
  '13': { status: 'returning' },
  /** İade Teslimat Şubesinde */
  '14': { status: 'returning' },
  /** İade Kurye Dağıtımda */
  '15': { status: 'returning' },
  /** İade Yönlendirme Sürecinde */
  '16': { status: 'returning' },
} as const satisfies Record<string, StatusMapping>;

export type SuratStatusCode = keyof typeof SURAT_STATUSES;

/** The return codes, and the outbound code each mirrors when the parcel shows no sign of a return. */
export const SURAT_RETURN_CODES: Readonly<Record<string, SuratStatusCode | null>> = {
  '9': null,
  '10': '1',
  '11': '2',
  '12': null,
  '13': '3',
  '14': '4',
  '15': '5',
  '16': '8',
};

/** Status for a code the table does not know: still moving is the safe guess. */
export const SURAT_FALLBACK_STATUS = 'in_transit';
