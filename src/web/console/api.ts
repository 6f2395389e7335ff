/** Every request the console makes: same origin, key in the Authorization header, JSON both ways. */
import { forgetKey, storedKey } from './session.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Set by main.ts: where a rejected key sends the person (back to sign-in). */
let onUnauthorized: () => void = () => undefined;
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

async function request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, key = storedKey()): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (key) headers['Authorization'] = `Bearer ${key}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'omit',
    cache: 'no-store',
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(response.status, 'unreadable_response', `the server answered ${response.status} with something that is not JSON`);
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
    // Only the kept key's rejection signs the person out; a key being tried at sign-in is not kept yet.
    if (response.status === 401 && key !== null && key === storedKey()) {
      forgetKey();
      onUnauthorized();
    }
    throw new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? `HTTP ${response.status}`, error?.field);
  }
  return json as T;
}

export const api = {
  get: <T>(path: string, key?: string) => request<T>('GET', path, undefined, key),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** `?a=1&b=x` from the filled-in fields only. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
