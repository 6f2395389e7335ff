import type { ServiceLevel } from '../../src/domain/shipment.js';
import { SANDBOX_STATUSES, type SandboxStatusCode } from './statuses.js';

export interface SandboxStep {
  /** Hours after registration at speed 1. */
  afterHours: number;
  code: SandboxStatusCode;
  /** The carrier's words, in Turkish. */
  description: string;
  city: string;
  district?: string;
}

export interface SandboxScenario {
  /** The two digits after `SBX` in a tracking number. */
  code: number;
  key: string;
  title: string;
  steps: readonly SandboxStep[];
  /** The carrier never knows this number. */
  notFound?: boolean;
  demo: {
    /** How long before start-up the demo registers the parcel, so it starts in its telling state. */
    ageHours: number;
    /** Promised delivery this many days after registration. */
    promisedInDays?: number;
    serviceLevel: ServiceLevel;
  };
}

const LABEL = 'Gönderi kaydı oluşturuldu';
const ACCEPTED = 'Gönderi şubeden kabul edildi';
const AT_BRANCH = 'Gönderi teslimat şubesine ulaştı';
const OUT = 'Dağıtıma çıkarıldı';
const DELIVERED = 'Teslim edildi';
const ABSENT = 'Alıcı adreste bulunamadı';

/**
 * The sandbox's parcels: each scenario is one realistic Turkish courier timeline, chosen to show one
 * thing shipwatch must notice (DESIGN §8). Demo ages are set against the anomaly thresholds.
 */
export const SANDBOX_SCENARIOS: readonly SandboxScenario[] = [
  {
    code: 1,
    key: 'normal-delivery',
    title: 'Normal delivery in about two days',
    steps: [
      { afterHours: 0, code: 'KAYIT', description: LABEL, city: 'İstanbul', district: 'Kadıköy' },
      { afterHours: 3, code: 'KABUL', description: ACCEPTED, city: 'İstanbul', district: 'Kadıköy' },
      { afterHours: 8, code: 'TRANSFER', description: "Gönderi İstanbul Anadolu Transfer Merkezi'nden çıkış yaptı", city: 'İstanbul', district: 'Tuzla' },
      { afterHours: 21, code: 'VARIS', description: "Gönderi Ankara Transfer Merkezi'ne ulaştı", city: 'Ankara', district: 'Sincan' },
      { afterHours: 27, code: 'SUBEDE', description: AT_BRANCH, city: 'Ankara', district: 'Çankaya' },
      { afterHours: 40, code: 'DAGITIMDA', description: OUT, city: 'Ankara', district: 'Çankaya' },
      { afterHours: 45, code: 'TESLIM', description: DELIVERED, city: 'Ankara', district: 'Çankaya' },
    ],
    // Delivered a few hours before start-up: the healthy case.
    demo: { ageHours: 50, promisedInDays: 3, serviceLevel: 'standard' },
  },
  {
    code: 2,
    key: 'delivered-without-scan',
    title: 'Marked delivered with no scan on the way',
    steps: [
      { afterHours: 0, code: 'KAYIT', description: LABEL, city: 'İzmir', district: 'Konak' },
      { afterHours: 30, code: 'TESLIM', description: DELIVERED, city: 'İzmir', district: 'Bornova' },
    ],
    demo: { ageHours: 36, promisedInDays: 2, serviceLevel: 'next_day' },
  },
  {
    code: 3,
    key: 'stuck-in-transit',
    title: 'Stuck in transit: moves for a few hours, then nothing',
    steps: [
      { afterHours: 0, code: 'KAYIT', description: LABEL, city: 'Bursa', district: 'Nilüfer' },
      { afterHours: 2, code: 'KABUL', description: ACCEPTED, city: 'Bursa', district: 'Nilüfer' },
      { afterHours: 6, code: 'TRANSFER', description: "Gönderi Bursa Transfer Merkezi'nden çıkış yaptı", city: 'Bursa', district: 'Osmangazi' },
    ],
    // Silent for more than three business days even across a weekend.
    demo: { ageHours: 150, promisedInDays: 3, serviceLevel: 'standard' },
  },
  {
    code: 4,
    key: 'late-against-promise',
    title: 'Late: moves about once a day, delivered after eight days',
    steps: [
      { afterHours: 0, code: 'KAYIT', description: LABEL, city: 'Gaziantep', district: 'Şahinbey' },
      { afterHours: 22, code: 'KABUL', description: ACCEPTED, city: 'Gaziantep', district: 'Şahinbey' },
      { afterHours: 46, code: 'TRANSFER', description: "Gönderi Gaziantep Transfer Merkezi'nden çıkış yaptı", city: 'Gaziantep', district: 'Şehitkamil' },
      { afterHours: 71, code: 'VARIS', description: "Gönderi Ankara Transfer Merkezi'ne ulaştı", city: 'Ankara', district: 'Sincan' },
      { afterHours: 95, code: 'TRANSFER', description: "Gönderi Ankara Transfer Merkezi'nden çıkış yaptı", city: 'Ankara', district: 'Sincan' },
      { afterHours: 119, code: 'VARIS', description: "Gönderi Samsun Transfer Merkezi'ne ulaştı", city: 'Samsun', district: 'Tekkeköy' },
      { afterHours: 143, code: 'SUBEDE', description: AT_BRANCH, city: 'Trabzon', district: 'Ortahisar' },
      { afterHours: 186, code: 'DAGITIMDA', description: OUT, city: 'Trabzon', district: 'Ortahisar' },
      { afterHours: 191, code: 'TESLIM', description: DELIVERED, city: 'Trabzon', district: 'Ortahisar' },
    ],
    demo: { ageHours: 80, promisedInDays: 2, serviceLevel: 'express' },
  },
  {
    code: 5,
    key: 'damaged',
    title: 'Damaged at the arrival transfer centre',
    steps: [
      { afterHours: 0, code: 'KAYIT', description: LABEL, city: 'İstanbul', district: 'Beşiktaş' },
      { afterHours: 4, code: 'KABUL', description: ACCEPTED, city: 'İstanbul', district: 'Beşiktaş' },
      { afterHours: 9, code: 'TRANSFER', description: "Gönderi İstanbul Avrupa Transfer Merkezi'nden çıkış yaptı", city: 'İstanbul', district: 'Esenyurt' },
      { afterHours: 18, code: 'VARIS', description: "Gönderi Eskişehir Transfer Merkezi'ne ulaştı", city: 'Eskişehir', district: 'Tepebaşı' },
      { afterHours: 20, code: 'HASARLI', description: 'Gönderi hasarlı olarak tespit edildi, hasar tutanağı tutuldu', city: 'Eskişehir', district: 'Tepebaşı' },
    ],
    demo: { ageHours: 26, promisedInDays: 3, serviceLevel: 'standard' },
  },
  {
    code: 6,
    key: 'failed-attempt-then-delivered',
    title: 'Recipient not at home, delivered the next day',
    steps: [
      { afterHours: 0, code: 'KAYIT', description: LABEL, city: 'Ankara', district: 'Yenimahalle' },
      { afterHours: 3, code: 'KABUL', description: ACCEPTED, city: 'Ankara', district: 'Yenimahalle' },
      { afterHours: 8, code: 'TRANSFER', description: "Gönderi Ankara Transfer Merkezi'nden çıkış yaptı", city: 'Ankara', district: 'Sincan' },
      { afterHours: 19, code: 'VARIS', description: "Gönderi Adana Transfer Merkezi'ne ulaştı", city: 'Adana', district: 'Sarıçam' },
      { afterHours: 25, code: 'SUBEDE', description: AT_BRANCH, city: 'Mersin', district: 'Yenişehir' },
      { afterHours: 27, code: 'DAGITIMDA', description: OUT, city: 'Mersin', district: 'Yenişehir' },
      { afterHours: 31, code: 'TESLIM_EDILEMEDI', description: ABSENT, city: 'Mersin', district: 'Yenişehir' },
      { afterHours: 50, code: 'DAGITIMDA', description: OUT, city: 'Mersin', district: 'Yenişehir' },
      { afterHours: 53, code: 'TESLIM', description: DELIVERED, city: 'Mersin', district: 'Yenişehir' },
    ],
    demo: { ageHours: 36, promisedInDays: 3, serviceLevel: 'standard' },
  },
  {
    code: 7,
    key: 'waiting-at-branch',
    title: 'Waiting at a branch for the recipient to collect it',
    steps: [
      { afterHours: 0, code: 'KAYIT', description: LABEL, city: 'İstanbul', district: 'Ümraniye' },
      { afterHours: 3, code: 'KABUL', description: ACCEPTED, city: 'İstanbul', district: 'Ümraniye' },
      { afterHours: 9, code: 'TRANSFER', description: "Gönderi İstanbul Anadolu Transfer Merkezi'nden çıkış yaptı", city: 'İstanbul', district: 'Tuzla' },
      { afterHours: 21, code: 'VARIS', description: "Gönderi Kayseri Transfer Merkezi'ne ulaştı", city: 'Kayseri', district: 'Kocasinan' },
      { afterHours: 26, code: 'SUBEDE', description: AT_BRANCH, city: 'Kayseri', district: 'Melikgazi' },
      { afterHours: 27, code: 'BEKLIYOR', description: 'Şubede alıcısını bekliyor', city: 'Kayseri', district: 'Melikgazi' },
    ],
    // At the branch for more than three days.
    demo: { ageHours: 110, promisedInDays: 3, serviceLevel: 'standard' },
  },
  {
    code: 8,
    key: 'returned-to-sender',
    title: 'Refused by the recipient and returned to the sender',
    steps: [
      { afterHours: 0, code: 'KAYIT', description: LABEL, city: 'İstanbul', district: 'Bağcılar' },
      { afterHours: 2, code: 'KABUL', description: ACCEPTED, city: 'İstanbul', district: 'Bağcılar' },
      { afterHours: 7, code: 'TRANSFER', description: "Gönderi İstanbul Avrupa Transfer Merkezi'nden çıkış yaptı", city: 'İstanbul', district: 'Esenyurt' },
      { afterHours: 30, code: 'VARIS', description: "Gönderi Diyarbakır Transfer Merkezi'ne ulaştı", city: 'Diyarbakır', district: 'Bağlar' },
      { afterHours: 36, code: 'SUBEDE', description: AT_BRANCH, city: 'Diyarbakır', district: 'Kayapınar' },
      { afterHours: 38, code: 'DAGITIMDA', description: OUT, city: 'Diyarbakır', district: 'Kayapınar' },
      { afterHours: 42, code: 'TESLIM_EDILEMEDI', description: ABSENT, city: 'Diyarbakır', district: 'Kayapınar' },
      { afterHours: 62, code: 'DAGITIMDA', description: OUT, city: 'Diyarbakır', district: 'Kayapınar' },
      { afterHours: 64, code: 'RED', description: 'Alıcı gönderiyi teslim almayı reddetti', city: 'Diyarbakır', district: 'Kayapınar' },
      { afterHours: 66, code: 'IADE_YOLDA', description: 'Göndericiye iade', city: 'Diyarbakır', district: 'Kayapınar' },
      { afterHours: 110, code: 'IADE_TESLIM', description: 'Göndericiye teslim edildi', city: 'İstanbul', district: 'Bağcılar' },
    ],
    demo: { ageHours: 120, promisedInDays: 5, serviceLevel: 'economy' },
  },
  {
    code: 9,
    key: 'never-found',
    title: 'The carrier never knows this number',
    steps: [],
    notFound: true,
    demo: { ageHours: 30, promisedInDays: 3, serviceLevel: 'standard' },
  },
  {
    code: 10,
    key: 'out-for-delivery-now',
    title: 'Out for delivery right now, delivered about five hours later',
    steps: [
      { afterHours: 0, code: 'KAYIT', description: LABEL, city: 'Ankara', district: 'Çankaya' },
      { afterHours: 3, code: 'KABUL', description: ACCEPTED, city: 'Ankara', district: 'Çankaya' },
      { afterHours: 8, code: 'TRANSFER', description: "Gönderi Ankara Transfer Merkezi'nden çıkış yaptı", city: 'Ankara', district: 'Sincan' },
      { afterHours: 18, code: 'VARIS', description: "Gönderi İstanbul Anadolu Transfer Merkezi'ne ulaştı", city: 'İstanbul', district: 'Tuzla' },
      { afterHours: 22, code: 'SUBEDE', description: AT_BRANCH, city: 'İstanbul', district: 'Ataşehir' },
      { afterHours: 24, code: 'DAGITIMDA', description: OUT, city: 'İstanbul', district: 'Ataşehir' },
      { afterHours: 29.5, code: 'TESLIM', description: DELIVERED, city: 'İstanbul', district: 'Ataşehir' },
    ],
    demo: { ageHours: 24.5, promisedInDays: 2, serviceLevel: 'next_day' },
  },
];

export function sandboxScenario(code: number): SandboxScenario | undefined {
  return SANDBOX_SCENARIOS.find((s) => s.code === code);
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * When a step happens for a parcel registered at `createdAt`: `afterHours / speed` later, truncated
 * to the minute as carriers print times. Pure, so a restart gives the same timestamps.
 */
export function stepTime(createdAt: Date, afterHours: number, speed: number): Date {
  return new Date(Math.floor((createdAt.getTime() + (afterHours * HOUR_MS) / speed) / MINUTE_MS) * MINUTE_MS);
}

/** The steps whose time has come at `at`; none for a scenario the carrier never knows. */
export function dueSteps(
  scenario: SandboxScenario,
  createdAt: Date,
  at: Date,
  speed: number,
): { step: SandboxStep; time: Date }[] {
  if (scenario.notFound) return [];
  return scenario.steps
    .map((step) => ({ step, time: stepTime(createdAt, step.afterHours, speed) }))
    .filter(({ time }) => time.getTime() <= at.getTime());
}

/** When the scenario's delivery happens, if it ends in one. */
export function deliveryTime(scenario: SandboxScenario, createdAt: Date, speed: number): Date | undefined {
  const delivery = scenario.steps.findLast((s) => SANDBOX_STATUSES[s.code].status === 'delivered');
  return delivery ? stepTime(createdAt, delivery.afterHours, speed) : undefined;
}
