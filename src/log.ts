import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino blanks in every environment: authorization headers, API keys, passwords and carrier
 * credentials, wherever a careless log call might put them.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
  '*.headers.authorization',
  '*.headers["x-api-key"]',
  'config.headers',
  '*.config.headers',
  'err.config.headers',
  'err.config.data',
  'err.request',
  'err.response.config',
  'authorization',
  'apiKey',
  'password',
  'adminKey',
  'key',
  '*.apiKey',
  '*.password',
  '*.adminKey',
  '*.secret',
  'customer',
  '*.customer',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'shipwatch' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
