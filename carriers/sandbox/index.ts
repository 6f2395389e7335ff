/** The sandbox carrier: a fake Turkish-style courier with its own HTTP server (README.md). */
import type { CarrierDefinition } from '../contract.js';
import { sandboxConfidence } from '../detection/turkish.js';
import { createSandboxAdapter } from './adapter.js';
import { loadConfig, type SandboxConfig } from './config.js';
import { recognisesSandboxNumber } from './numbers.js';

export const sandboxCarrier: CarrierDefinition<SandboxConfig> = {
  code: 'sandbox',
  displayName: 'Sandbox Kargo',
  enableWith: ['CARRIER_SANDBOX_BASE_URL', 'CARRIER_SANDBOX_API_KEY'],
  recognises: recognisesSandboxNumber,
  confidence: sandboxConfidence,
  loadConfig,
  create: createSandboxAdapter,
};

export type { SandboxConfig } from './config.js';
export { startSandboxCarrier, type SandboxCarrierServer, type SandboxFault } from './server.js';
export { SANDBOX_SCENARIOS, type SandboxScenario } from './scenarios.js';
export { sandboxTrackingNumber } from './numbers.js';
