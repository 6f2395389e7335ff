/**
 * Sürat's return codes drift (research carriers-tr.md §5 "Live anomalies", [1]): a completed return
 * came as code 13 ("return on the way") with `IadeDurum` "Evet" and the text "İade Edildi", and a
 * normal delivery showed code 9 ("return process") with `IadeDurum` "Hayır" while at the branch.
 * So a return is decided on the return flag and the text; the code is trusted only when the flag is
 * missing. Pure.
 */
import { mapStatus, type StatusMapping } from '../contract.js';
import { containsTurkish, turkishKey } from '../turkish-text.js';
import type { ShipmentStatus, Substatus } from '../../src/domain/status.js';
import { SURAT_FALLBACK_STATUS, SURAT_RETURN_CODES, SURAT_STATUSES } from './statuses.js';

/** `IadeDurum`: "Evet", "Hayır", or empty / missing (seen empty in one mock). */
export type SuratReturnFlag = 'yes' | 'no' | 'unknown';

export interface SuratStatusInput {
  rawCode: string;
  /** The event's own words (description, operation, process), verbatim. */
  texts: readonly (string | null | undefined)[];
  returnFlag: SuratReturnFlag;
}

export function readReturnFlag(iadeDurum: string | null | undefined): SuratReturnFlag {
  const key = turkishKey(iadeDurum ?? '');
  if (key === 'evet') return 'yes';
  if (key === 'hayır') return 'no';
  return 'unknown';
}

/**
 * The flag is the parcel's state now, so it speaks for its whole history: on a parcel that is not a
 * return ("Hayır"), return codes are read as the outbound step they mirror; on a return ("Evet"), a
 * movement whose text says "iade" is part of the return whatever its code; and text that says the
 * return was delivered ("İade Edildi", "Teslim Edildi (İade)") means returned unless the flag says no.
 * With no flag, the code is trusted.
 */
export function suratEventStatus(input: SuratStatusInput): { status: ShipmentStatus; substatus: Substatus | null } {
  const mapped = mapStatus('surat', SURAT_STATUSES, input.rawCode, SURAT_FALLBACK_STATUS);
  if (mapped.substatus === 'unmapped') return mapped;

  const words = input.texts.filter((t): t is string => typeof t === 'string' && t.trim() !== '').join(' | ');
  const mentionsReturn = containsTurkish(words, 'iade');
  const saysDone = containsTurkish(words, 'iade edildi') || containsTurkish(words, 'teslim edildi');
  if (mentionsReturn && saysDone && input.returnFlag !== 'no') return { status: 'returned', substatus: null };
  if (Object.hasOwn(SURAT_RETURN_CODES, input.rawCode) && input.returnFlag === 'no') {
    const outbound = SURAT_RETURN_CODES[input.rawCode];
    const mirror: StatusMapping = outbound ? SURAT_STATUSES[outbound] : { status: SURAT_FALLBACK_STATUS };
    return { status: mirror.status, substatus: mirror.substatus ?? null };
  }
  if (input.returnFlag === 'yes' && mentionsReturn && mapped.status !== 'returning' && mapped.status !== 'returned') {
    return { status: 'returning', substatus: null };
  }
  return mapped;
}
