/**
 * The sandbox carrier's parcel registry: which numbers it has "printed labels" for and when, so
 * timelines (and their event times) survive a restart when a state file is given.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { recognisesSandboxNumber } from './numbers.js';

export interface Parcel {
  trackingNumber: string;
  reference?: string;
  createdAt: Date;
}

const stateSchema = z.object({
  version: z.literal(1),
  parcels: z.array(z.object({ trackingNumber: z.string(), reference: z.string().optional(), createdAt: z.iso.datetime() })),
});

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The registrations, kept in memory and, with a state file, written through on every change. */
export function openParcelBook(stateFile: string | undefined) {
  const parcels = new Map<string, Parcel>();
  const references = new Map<string, string>();
  const remember = (parcel: Parcel): void => {
    parcels.set(parcel.trackingNumber, parcel);
    if (parcel.reference !== undefined) references.set(parcel.reference, parcel.trackingNumber);
  };
  if (stateFile && existsSync(stateFile)) {
    const state = stateSchema.safeParse(readJson(stateFile));
    if (!state.success) throw new Error(`sandbox state file ${stateFile} does not hold sandbox parcels`);
    for (const p of state.data.parcels) {
      if (!recognisesSandboxNumber(p.trackingNumber)) continue;
      remember({ trackingNumber: p.trackingNumber, createdAt: new Date(p.createdAt), ...(p.reference !== undefined && { reference: p.reference }) });
    }
  }
  const save = (): void => {
    if (!stateFile) return;
    mkdirSync(dirname(stateFile), { recursive: true });
    const state: z.input<typeof stateSchema> = {
      version: 1,
      parcels: [...parcels.values()].map((p) => ({ trackingNumber: p.trackingNumber, createdAt: p.createdAt.toISOString(), ...(p.reference !== undefined && { reference: p.reference }) })),
    };
    // Write then rename, so a crash never leaves half a file behind.
    const temporary = `${stateFile}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temporary, stateFile);
  };
  return {
    get: (number: string) => parcels.get(number),
    byReference: (reference: string) => {
      const number = references.get(reference);
      return number === undefined ? undefined : parcels.get(number);
    },
    put(parcel: Parcel) {
      remember(parcel);
      save();
    },
    size: () => parcels.size,
  };
}
