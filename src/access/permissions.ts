/**
 * Who may do what: the one table of role permissions. The routes' guards (src/api/auth.ts
 * requirePermission) and GET /v1/me read this same table, so the console can never offer what the
 * API would refuse, nor hide what it would allow.
 */
import type { ApiKeyRole } from '../store/types.js';

const EVERY_ROLE = ['admin', 'merchant', 'support'] as const satisfies readonly ApiKeyRole[];
const SHOP_WRITERS = ['admin', 'merchant'] as const satisfies readonly ApiKeyRole[];
const ADMIN_ONLY = ['admin'] as const satisfies readonly ApiKeyRole[];

export const PERMISSIONS = {
  /** Shipments, lookups, anomalies, carriers and health: every key may read them. */
  read: EVERY_ROLE,
  registerShipments: SHOP_WRITERS,
  refreshShipments: SHOP_WRITERS,
  stopTracking: SHOP_WRITERS,
  /** Events entered by hand or pushed: a shop's write like registration. */
  addEvents: SHOP_WRITERS,
  acknowledgeAnomalies: EVERY_ROLE,
  resolveAnomalies: EVERY_ROLE,
  scanAnomalies: ADMIN_ONLY,
  manageKeys: ADMIN_ONLY,
  /** Quarantined carrier answers may hold customers' names and addresses. */
  readQuarantine: ADMIN_ONLY,
} as const satisfies Record<string, readonly ApiKeyRole[]>;

export type Action = keyof typeof PERMISSIONS;

/** The actions GET /v1/me reports, in the order the console shows them. */
export const CONSOLE_ACTIONS = [
  'registerShipments',
  'refreshShipments',
  'stopTracking',
  'acknowledgeAnomalies',
  'resolveAnomalies',
  'scanAnomalies',
  'manageKeys',
  'readQuarantine',
] as const satisfies readonly Action[];

export type ConsoleAction = (typeof CONSOLE_ACTIONS)[number];

export function rolesFor(action: Action): readonly ApiKeyRole[] {
  return PERMISSIONS[action];
}

export function mayDo(role: ApiKeyRole, action: Action): boolean {
  return (PERMISSIONS[action] as readonly ApiKeyRole[]).includes(role);
}

/** What a role may do of the console's actions, as GET /v1/me answers it. */
export function consolePermissions(role: ApiKeyRole): Record<ConsoleAction, boolean> {
  return Object.fromEntries(CONSOLE_ACTIONS.map((action) => [action, mayDo(role, action)])) as Record<ConsoleAction, boolean>;
}
