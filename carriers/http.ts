/**
 * The HTTP client every carrier shares: a timeout, and one translation from transport errors to
 * typed carrier failures. Diagnostics carry method, path and status only: never headers or
 * bodies, which hold credentials and personal data. The one exception is an explicit capture
 * (captureResponses) for the poll quarantine: it keeps answers' bodies, redacted, never requests.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import axios, {
  AxiosError,
  type AxiosInstance,
  type AxiosResponse,
  type AxiosResponseTransformer,
  type InternalAxiosRequestConfig,
} from 'axios';
import type { CarrierFailure } from './contract.js';
import { redactSecrets } from './response-redaction.js';

export const DEFAULT_CARRIER_TIMEOUT_MS = 15_000;

export function createCarrierHttp(options: { timeoutMs?: number } = {}): AxiosInstance {
  const http = axios.create({
    timeout: options.timeoutMs ?? DEFAULT_CARRIER_TIMEOUT_MS,
    // Carriers answer errors with bodies we want to read; status decides, not axios.
    validateStatus: () => true,
    maxRedirects: 0,
    headers: { 'user-agent': 'shipwatch/0.1' },
  });
  installCapture(http);
  return http;
}

/** One carrier answer as received, for diagnosis: no request headers or body, no query string. */
export interface CapturedResponse {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
  /** Raw text with secret-looking values redacted, cut at CAPTURED_BODY_LIMIT_BYTES. */
  body: string;
}

/** Enough for any tracking answer worth reading; a runaway body must not fill the quarantine. */
export const CAPTURED_BODY_LIMIT_BYTES = 64 * 1024;
export const TRUNCATION_MARKER = '[truncated by shipwatch:';

const captureSink = new AsyncLocalStorage<CapturedResponse[]>();
/** Requests made inside a capture, until their answer is recorded. */
const pendingCaptures = new WeakMap<InternalAxiosRequestConfig, { sink: CapturedResponse[]; raw: string | undefined }>();

/**
 * Runs fn and collects every answer a carrier HTTP client received while it ran (its async
 * continuations included). Outside a capture nothing is recorded. A capture nested in another
 * collects only into the inner one.
 */
export async function captureResponses<T>(fn: () => Promise<T>): Promise<{ result: T; responses: CapturedResponse[] }> {
  const responses: CapturedResponse[] = [];
  const result = await captureSink.run(responses, fn);
  return { result, responses };
}

function installCapture(http: AxiosInstance): void {
  http.interceptors.request.use(
    (config) => {
      const sink = captureSink.getStore();
      if (!sink) return config;
      const pending = { sink, raw: undefined as string | undefined };
      pendingCaptures.set(config, pending);
      // axios parses JSON in transformResponse; the first transform sees the text as received and
      // passes it on untouched, so adapters get the same response.data as without a capture.
      const keepRaw: AxiosResponseTransformer = (data: unknown) => {
        if (typeof data === 'string') pending.raw = data;
        else if (Buffer.isBuffer(data)) pending.raw = data.toString('utf8');
        return data;
      };
      const own = config.transformResponse;
      config.transformResponse = [keepRaw, ...(own === undefined ? [] : Array.isArray(own) ? own : [own])];
      return config;
    },
    undefined,
    { synchronous: true, runWhen: () => captureSink.getStore() !== undefined },
  );
  http.interceptors.response.use(
    (response) => {
      recordCapture(response);
      return response;
    },
    (error: unknown) => {
      if (error instanceof AxiosError && error.response) recordCapture(error.response);
      throw error;
    },
  );
}

function recordCapture(response: AxiosResponse): void {
  const config = response.config;
  const pending = pendingCaptures.get(config);
  if (!pending) return;
  pendingCaptures.delete(config);
  const contentType: unknown = response.headers['content-type'];
  pending.sink.push({
    method: (config.method ?? 'get').toUpperCase(),
    path: pathOf(fullUrl(config)),
    status: response.status,
    contentType: typeof contentType === 'string' ? contentType : null,
    body: capturedBody(pending.raw ?? textOf(response.data)),
  });
}

/** What axios would call: baseURL joined to a relative url. */
function fullUrl(config: InternalAxiosRequestConfig): string | undefined {
  const url = config.url ?? '';
  if (!config.baseURL || /^[a-z][a-z\d+.-]*:\/\//i.test(url)) return url;
  return `${config.baseURL.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

/** A body transformResponse did not see (a stream, or replaced before the capture started). */
function textOf(data: unknown): string {
  if (typeof data === 'string') return data;
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (data === undefined || data === null || (typeof data === 'object' && 'pipe' in data)) return '';
  return JSON.stringify(data) ?? '';
}

/**
 * Redacted, then cut at a UTF-8 character boundary, saying how much was received. Only what can
 * be kept is redacted, so a runaway body costs no more than a small one; a secret cut off at the
 * end is blanked to the end.
 */
export function capturedBody(raw: string): string {
  // Every UTF-16 unit is at least one UTF-8 byte: this head holds at least the bytes we keep.
  const head = raw.length > CAPTURED_BODY_LIMIT_BYTES ? raw.slice(0, CAPTURED_BODY_LIMIT_BYTES) : raw;
  const text = redactSecrets(head);
  // At most three UTF-8 bytes per UTF-16 unit: short texts need no byte count.
  if (head === raw && text.length * 3 <= CAPTURED_BODY_LIMIT_BYTES) return text;
  const bytes = Buffer.from(text, 'utf8');
  if (head === raw && bytes.length <= CAPTURED_BODY_LIMIT_BYTES) return text;
  let end = Math.min(CAPTURED_BODY_LIMIT_BYTES, bytes.length);
  while (end > 0 && end < bytes.length && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  const received = Buffer.byteLength(raw, 'utf8');
  return `${bytes.subarray(0, end).toString('utf8')}\n${TRUNCATION_MARKER} ${received} bytes received, first ${end} kept]`;
}

/** Retry-After is either seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: unknown, now: Date): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/** Maps a non-2xx response to the failure every number of that request shares. */
export function failureFromStatus(
  status: number,
  headers: Record<string, unknown>,
  now: Date,
): CarrierFailure | null {
  if (status >= 200 && status < 300) return null;
  if (status === 401 || status === 403) return { kind: 'auth' };
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers['retry-after'], now);
    return retryAfterMs === undefined ? { kind: 'rate_limited' } : { kind: 'rate_limited', retryAfterMs };
  }
  if (status >= 500) return { kind: 'unavailable', detail: `carrier answered HTTP ${status}` };
  return { kind: 'malformed', detail: `carrier answered HTTP ${status}` };
}

/** Maps a thrown transport error (timeout, refused connection…) to a failure. */
export function failureFromError(error: unknown): CarrierFailure {
  if (error instanceof AxiosError) {
    const where = `${error.config?.method?.toUpperCase() ?? 'request'} ${pathOf(error.config?.url)}`;
    if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') {
      return { kind: 'unavailable', detail: `timeout on ${where}` };
    }
    return { kind: 'unavailable', detail: `${error.code ?? 'network error'} on ${where}` };
  }
  return { kind: 'unavailable', detail: error instanceof Error ? error.name : 'unknown error' };
}

function pathOf(url: string | undefined): string {
  if (!url) return '?';
  try {
    return new URL(url, 'http://x').pathname;
  } catch {
    return '?';
  }
}
