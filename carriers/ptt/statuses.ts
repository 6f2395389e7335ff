import type { StatusMapping } from '../contract.js';

/**
 * PTT `gonderi_durum_id` (the event's `IKODU` / `gonderiDurumId`) → canonical status (DESIGN §4).
 * The list is PTT-AH `03_PTT_Durum_Kodlari.md` (compiled with a PTT contact, research §4 [1]),
 * grouped here by its `ust_durum_id`, with the group's name in the comment. Keyed by code, so a
 * duplicate is a compile error; unknown codes go through `mapStatus()` and come out `unmapped`.
 *
 * Judgement calls (the list gives meanings, not canonical statuses):
 * - instructions (TALİMAT), data updates and other bookkeeping rows carry no movement of their own;
 *   they map to `in_transit`, the same safe guess as an unknown code. Registration-only rows map to
 *   `info_received`. Post-delivery paperwork (mazbata, suret, COD paid) maps to `delivered`.
 * - "cancelled" (7000) has no canonical status; it maps to `exception`.
 * - "return cancelled" (4500) and "delivery cancelled" (5600) reopen the parcel: `in_transit`.
 */
const LABEL = { status: 'info_received', substatus: 'info_received.label_created' } as const;
const INFO = { status: 'info_received' } as const;
const PICKED_UP = { status: 'in_transit', substatus: 'in_transit.picked_up' } as const;
const HUB = { status: 'in_transit', substatus: 'in_transit.hub_scan' } as const;
const MOVING = { status: 'in_transit' } as const;
const OUT = { status: 'out_for_delivery' } as const;
const AT_BRANCH = { status: 'available_for_pickup', substatus: 'available_for_pickup.branch' } as const;
const AT_LOCKER = { status: 'available_for_pickup', substatus: 'available_for_pickup.locker' } as const;
const ABSENT = { status: 'attempt_failed', substatus: 'attempt_failed.recipient_absent' } as const;
const NOT_AT_ADDRESS = { status: 'attempt_failed', substatus: 'attempt_failed.address_not_found' } as const;
const FAILED = { status: 'attempt_failed' } as const;
const DELIVERED = { status: 'delivered' } as const;
const SIGNED = { status: 'delivered', substatus: 'delivered.signed' } as const;
const LOCKER = { status: 'delivered', substatus: 'delivered.locker' } as const;
const PROBLEM = { status: 'exception' } as const;
const LOST = { status: 'exception', substatus: 'exception.lost' } as const;
const DAMAGED = { status: 'exception', substatus: 'exception.damaged' } as const;
const REFUSED = { status: 'exception', substatus: 'exception.refused' } as const;
const ADDRESS = { status: 'exception', substatus: 'exception.address_issue' } as const;
const CUSTOMS = { status: 'exception', substatus: 'exception.customs' } as const;
const HELD = { status: 'exception', substatus: 'exception.held' } as const;
const RETURNING = { status: 'returning' } as const;
const RETURN_REFUSED = { status: 'returning', substatus: 'returning.refused' } as const;
const RETURN_UNCLAIMED = { status: 'returning', substatus: 'returning.unclaimed' } as const;
const RETURNED = { status: 'returned' } as const;

export const PTT_STATUSES = {
  // 999 TASFİYE
  '831': PROBLEM,
  // 1000 KABUL
  '1': PICKED_UP,
  '701': LABEL,
  // 1106 GÜNCELLEME
  '159': MOVING,
  // 1500 (abroad acceptance arrival)
  '16': HUB,
  // 2000 SEVK
  '77': HUB, '8': HUB, '9': HUB, '3': HUB, '6': HUB, '4': HUB, '78': HUB, '5': HUB, '91': HUB, '999': HUB,
  '14': HUB, '13': HUB, '92': HUB, '11': HUB, '148': HUB,
  '149': PICKED_UP,
  '302': MOVING, '320': MOVING,
  '303': CUSTOMS,
  // 3000 DAĞITIM
  '7': OUT,
  '12': MOVING,
  // 3500 ÖDEME (COD collected for a delivered parcel)
  '399': DELIVERED,
  // 4000 İADE
  '156': RETURNING, '99': RETURNING, '151': RETURNING, '161': RETURNING, '164': RETURNING, '830': RETURNING,
  '133': RETURNING, '155': RETURNING, '152': RETURNING, '160': RETURNING, '162': RETURNING, '134': RETURNING,
  '135': RETURNING, '136': RETURNING, '166': RETURNING, '158': RETURNING, '167': RETURNING, '137': RETURNING,
  '168': RETURNING, '198': RETURNING, '169': RETURNING, '849': RETURNING, '855': RETURNING, '260': RETURNING,
  '261': RETURNING, '832': RETURNING,
  '154': RETURN_REFUSED, '854': RETURN_REFUSED,
  '163': RETURN_UNCLAIMED, '153': RETURN_UNCLAIMED, '856': RETURN_UNCLAIMED,
  // 4500 İADE İPTAL
  '165': MOVING,
  // 5000 TESLİM
  '100': DELIVERED, '252': DELIVERED, '157': DELIVERED, '818': DELIVERED, '812': DELIVERED, '813': DELIVERED,
  '824': DELIVERED, '224': DELIVERED, '225': DELIVERED, '226': DELIVERED, '227': DELIVERED, '815': DELIVERED,
  '232': DELIVERED, '814': DELIVERED, '228': DELIVERED, '229': DELIVERED, '230': DELIVERED, '231': DELIVERED,
  '826': DELIVERED, '829': DELIVERED, '827': DELIVERED, '825': DELIVERED, '816': DELIVERED, '828': DELIVERED,
  '807': SIGNED, '220': SIGNED, '221': SIGNED, '222': SIGNED, '223': SIGNED,
  '202': LOCKER,
  // 5500 GÖNDERİCİSİNE TESLİM
  '120': RETURNED, '141': RETURNED,
  // 5501–5503 TESLİM (bank branch, return-receipt card, bank contract)
  '106': DELIVERED, '121': DELIVERED, '138': DELIVERED,
  // 5600 TESLİM İPTAL
  '15': MOVING,
  // 5700 İMHA İPTAL
  '501': MOVING,
  // 6000 TESLİM EDİLEMEDİ
  '109': PROBLEM, '145': PROBLEM, '144': PROBLEM, '143': PROBLEM, '142': PROBLEM, '381': PROBLEM,
  '716': PROBLEM, '194': PROBLEM, '718': PROBLEM,
  '147': HELD, '713': HELD, '714': HELD,
  '717': LOST,
  '140': REFUSED,
  '132': ADDRESS,
  '105': RETURNING, '150': RETURNING,
  '118': FAILED, '101': FAILED, '125': FAILED, '146': FAILED, '380': FAILED, '107': FAILED, '113': FAILED,
  '131': FAILED, '117': FAILED, '388': FAILED, '389': FAILED, '128': FAILED, '129': FAILED, '130': FAILED,
  '715': FAILED, '719': FAILED, '196': FAILED, '720': FAILED, '262': FAILED,
  '127': ABSENT, '124': ABSENT, '111': ABSENT, '116': ABSENT, '108': ABSENT, '195': ABSENT,
  '126': NOT_AT_ADDRESS, '139': NOT_AT_ADDRESS,
  '112': AT_BRANCH, '110': AT_BRANCH, '114': AT_BRANCH, '712': AT_BRANCH, '711': AT_BRANCH, '709': AT_BRANCH,
  '211': AT_BRANCH, '710': AT_BRANCH, '199': AT_BRANCH, '197': AT_BRANCH,
  '115': MOVING,
  // 7000 KABUL İPTAL
  '2': PROBLEM,
  // 7500 GERİ ZİMMET (taken back from the courier's round)
  '174': MOVING, '175': MOVING, '172': MOVING, '178': MOVING, '170': MOVING, '171': MOVING, '173': MOVING,
  '177': MOVING,
  '176': HELD,
  // 8000 EL TERMİNALİ (hand-held terminal results)
  '600': NOT_AT_ADDRESS, '601': NOT_AT_ADDRESS,
  '532': ABSENT, '568': ABSENT, '565': ABSENT,
  '531': ADDRESS, '567': ADDRESS, '530': ADDRESS, '566': ADDRESS,
  '557': MOVING, '569': MOVING,
  '527': RETURNING, '560': RETURNING, '528': RETURNING, '545': RETURNING, '529': RETURNING, '546': RETURNING,
  '547': RETURN_REFUSED, '556': RETURN_REFUSED,
  '583': AT_BRANCH, '585': AT_BRANCH,
  '578': FAILED,
  // 8500 DEPO
  '652': HELD, '656': HELD,
  '650': AT_BRANCH, '653': AT_BRANCH, '657': AT_BRANCH,
  '699': MOVING, '651': MOVING,
  '654': RETURNING, '655': RETURNING,
  // 9000 SİSTEMDEN ÇIKARTILDI
  '21': PROBLEM,
  // 9999 DİĞER / TASFİYE / TALİMAT / GÜNCELLEME / PTT İŞYERİ
  '307': INFO, '301': INFO, '305': INFO,
  '300': LABEL,
  '180': LOST, '183': LOST, '192': LOST, '955': LOST,
  '181': DAMAGED,
  '185': HELD, '103': HELD, '700': HELD,
  '310': CUSTOMS,
  '240': PROBLEM, '10': PROBLEM, '182': PROBLEM, '184': PROBLEM, '102': PROBLEM, '241': PROBLEM, '187': PROBLEM,
  '188': PROBLEM,
  '304': MOVING, '306': MOVING, '450': MOVING, '210': MOVING, '186': MOVING, '191': MOVING, '44': MOVING,
  '45': MOVING, '204': MOVING, '290': MOVING, '291': MOVING, '950': MOVING, '951': MOVING, '952': MOVING,
  '953': MOVING, '954': MOVING, '997': MOVING, '998': MOVING,
  '471': MOVING, '470': MOVING, '472': MOVING, '473': MOVING, '474': MOVING,
  '400': MOVING, '401': MOVING, '402': MOVING, '403': MOVING, '404': MOVING, '405': MOVING, '406': MOVING,
  '407': MOVING, '408': MOVING, '409': MOVING, '410': MOVING, '411': MOVING, '412': MOVING, '413': MOVING,
  '414': MOVING, '415': MOVING, '416': MOVING, '417': MOVING, '418': MOVING, '420': MOVING, '421': MOVING,
  '422': MOVING, '423': MOVING, '424': MOVING, '425': MOVING, '426': MOVING, '427': MOVING, '428': MOVING,
  '429': MOVING, '430': MOVING, '431': MOVING, '432': MOVING, '433': MOVING, '434': MOVING, '435': MOVING,
  '436': MOVING, '437': MOVING, '438': MOVING, '440': MOVING, '441': MOVING, '442': MOVING, '443': MOVING,
  '444': MOVING, '460': MOVING, '461': MOVING, '462': MOVING, '463': MOVING, '464': MOVING,
  '119': RETURNING, '190': RETURNING, '203': RETURNING,
  '201': AT_LOCKER,
  '104': AT_BRANCH,
  '189': DELIVERED, '308': DELIVERED, '309': DELIVERED,
} as const satisfies Record<string, StatusMapping>;

export type PttStatusCode = keyof typeof PTT_STATUSES;

/** Status for a code the table does not know: still moving is the safe guess. */
export const PTT_FALLBACK_STATUS = 'in_transit';
