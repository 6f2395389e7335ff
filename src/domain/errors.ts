/**
 * One error family for the whole service. Each carries a stable snake_case `code` that API clients
 * can switch on, the offending `field` where there is one, and the HTTP status it maps to.
 */
export interface ShipwatchErrorOptions {
  field?: string;
  details?: unknown;
  cause?: unknown;
}

export class ShipwatchError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  readonly field: string | undefined;
  readonly details: unknown;

  constructor(code: string, message: string, httpStatus: number, options: ShipwatchErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.httpStatus = httpStatus;
    this.field = options.field;
    this.details = options.details;
  }
}

export class ValidationError extends ShipwatchError {
  constructor(message: string, options: ShipwatchErrorOptions & { code?: string } = {}) {
    super(options.code ?? 'validation_failed', message, 400, options);
  }
}

/** The request is well-formed but cannot be processed as asked (e.g. carrier cannot be detected). */
export class UnprocessableError extends ShipwatchError {
  constructor(code: string, message: string, options: ShipwatchErrorOptions = {}) {
    super(code, message, 422, options);
  }
}

export class NotFoundError extends ShipwatchError {
  constructor(message: string, options: ShipwatchErrorOptions & { code?: string } = {}) {
    super(options.code ?? 'not_found', message, 404, options);
  }
}

export class ConflictError extends ShipwatchError {
  constructor(code: string, message: string, options: ShipwatchErrorOptions = {}) {
    super(code, message, 409, options);
  }
}

export class AuthError extends ShipwatchError {
  constructor(code: 'unauthorized' | 'forbidden', message: string) {
    super(code, message, code === 'unauthorized' ? 401 : 403);
  }
}

/** Bad configuration: the message lists every bad variable so one restart fixes them all. */
export class ConfigError extends ShipwatchError {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super('config_invalid', `Invalid configuration:\n  - ${problems.join('\n  - ')}`, 500);
    this.problems = problems;
  }
}
