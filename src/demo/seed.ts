/**
 * Demo data for the embedded install: one shipment per sandbox scenario, registered as if shipped
 * some time ago so every scenario already shows its telling state when the service comes up.
 */
import { addDays } from 'date-fns';
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { SANDBOX_SCENARIOS, sandboxTrackingNumber, type SandboxCarrierServer } from '../../carriers/sandbox/index.js';
import type { CarrierRegistry } from '../../carriers/registry.js';
import type { Store } from '../store/types.js';
import { registerShipments, type RegistrationDeps } from '../tracking/register.js';

const HOUR = 60 * 60 * 1000;

const DEMO_CUSTOMERS = [
  ['Ayşe Yılmaz', 'İstanbul'],
  ['Mehmet Kaya', 'Ankara'],
  ['Zeynep Demir', 'İzmir'],
  ['Mustafa Çelik', 'Bursa'],
  ['Elif Şahin', 'Antalya'],
  ['Ahmet Öztürk', 'Konya'],
  ['Fatma Aydın', 'Gaziantep'],
  ['Emre Arslan', 'Eskişehir'],
  ['Hatice Doğan', 'Trabzon'],
  ['Burak Koç', 'Kayseri'],
] as const;

export interface DemoSeedDeps {
  store: Store;
  deadlineOf: RegistrationDeps['deadlineOf'];
  registry: CarrierRegistry;
  sandbox: SandboxCarrierServer;
  now: () => Date;
  speed: number;
  timeZone: string;
}

/** Seeds only an empty database; returns how many shipments it registered. */
export async function seedDemoShipments(deps: DemoSeedDeps): Promise<number> {
  if ((await deps.store.shipments.count()) > 0) return 0;
  const now = deps.now();
  const items = SANDBOX_SCENARIOS.map((scenario, i) => {
    const trackingNumber = sandboxTrackingNumber(scenario.code, 1);
    const shippedAt = new Date(now.getTime() - (scenario.demo.ageHours * HOUR) / deps.speed);
    deps.sandbox.registerParcel(trackingNumber, { createdAt: shippedAt });
    const [name, city] = DEMO_CUSTOMERS[i % DEMO_CUSTOMERS.length] ?? DEMO_CUSTOMERS[0];
    const promisedBy =
      scenario.demo.promisedInDays === undefined
        ? undefined
        : format(addDays(shippedAt, scenario.demo.promisedInDays, { in: tz(deps.timeZone) }), 'yyyy-MM-dd', { in: tz(deps.timeZone) });
    return {
      carrier: 'sandbox',
      trackingNumber,
      orderId: `DEMO-${1000 + scenario.code}`,
      customer: { name, email: `demo+${scenario.key}@example.com` },
      destination: { city, country: 'TR' },
      serviceLevel: scenario.demo.serviceLevel,
      shippedAt: shippedAt.toISOString(),
      ...(promisedBy && { promisedBy }),
    };
  });
  const outcomes = await registerShipments(deps, items);
  return outcomes.filter((o) => o.ok).length;
}
