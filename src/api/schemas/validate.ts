import type { z } from 'zod';
import { ValidationError } from '../../domain/errors.js';

export interface FieldProblem {
  field: string;
  message: string;
}

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

/** Parses or throws one ValidationError naming every bad field (values are never echoed). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationErrorFrom(result.error, what);
}

export function validationErrorFrom(error: z.ZodError, what: string): ValidationError {
  const problems = fieldProblems(error);
  const message = `invalid ${what}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`;
  const first = problems[0];
  return new ValidationError(message, { ...(first && { field: first.field }), details: problems });
}
