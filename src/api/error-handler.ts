import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ShipwatchError } from '../domain/errors.js';

export interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown };
}

export function errorBody(error: ShipwatchError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.field !== undefined && { field: error.field }),
      ...(error.details !== undefined && { details: error.details }),
    },
  };
}

/** Body-parser errors carry a `type`; they are the client's fault and say so. */
function bodyParserError(error: unknown): { status: number; code: string; message: string } | null {
  if (typeof error !== 'object' || error === null || !('type' in error)) return null;
  switch (error.type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'invalid_json', message: 'request body is not valid JSON' };
    case 'entity.too.large':
      return { status: 413, code: 'payload_too_large', message: 'request body is too large' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'unsupported_encoding', message: 'request body encoding is not supported' };
    default:
      return null;
  }
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof ShipwatchError) {
      res.status(error.httpStatus).json(errorBody(error));
      return;
    }
    const parserError = bodyParserError(error);
    if (parserError) {
      res.status(parserError.status).json({ error: { code: parserError.code, message: parserError.message } });
      return;
    }
    // Unknown errors are bugs: log the stack, tell the client nothing about internals.
    logger.error({ err: error, method: req.method, path: req.path }, 'unhandled error in API request');
    res.status(500).json({ error: { code: 'internal_error', message: 'internal error' } });
  };
}

export const notFoundRoute: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'route_not_found', message: `no route for ${req.method} ${req.path}` } });
};
