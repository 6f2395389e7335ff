import axios from 'axios';
import nock from 'nock';
import {
  CAPTURED_BODY_LIMIT_BYTES,
  captureResponses,
  createCarrierHttp,
  TRUNCATION_MARKER,
  type CapturedResponse,
} from '../../../carriers/http.js';
import { useCarrierNock } from '../../support/nock-lifecycle.js';

const BASE_URL = 'https://carrier-capture.test';

useCarrierNock();

function only(responses: readonly CapturedResponse[]): CapturedResponse {
  expect(responses).toHaveLength(1);
  const [response] = responses;
  if (!response) throw new Error('no response captured');
  return response;
}

describe('captureResponses', () => {
  it('records the answers received inside a capture and returns what the function returned', async () => {
    const http = createCarrierHttp({ timeoutMs: 2000 });
    nock(BASE_URL).get('/track/AB1').reply(200, 'first', { 'Content-Type': 'text/plain' });
    nock(BASE_URL).post('/track').reply(202, 'second', { 'Content-Type': 'text/plain' });

    const { result, responses } = await captureResponses(async () => {
      const a = await http.get<string>(`${BASE_URL}/track/AB1`);
      const b = await http.post<string>(`${BASE_URL}/track`, { numbers: ['AB1'] });
      return `${a.data}+${b.data}`;
    });

    expect(result).toBe('first+second');
    expect(responses).toEqual([
      { method: 'GET', path: '/track/AB1', status: 200, contentType: 'text/plain', body: 'first' },
      { method: 'POST', path: '/track', status: 202, contentType: 'text/plain', body: 'second' },
    ]);
  });

  it('records nothing of a request made outside, even while a capture runs, and leaves its transforms alone', async () => {
    const http = createCarrierHttp({ timeoutMs: 2000 });
    nock(BASE_URL).get('/inside').delay(50).reply(200, 'inside');
    nock(BASE_URL).get('/outside').reply(200, 'outside');

    let outsideTransforms = -1;
    const capturing = captureResponses(() => http.get(`${BASE_URL}/inside`));
    const outside = await http.get(`${BASE_URL}/outside`);
    const transform = outside.config.transformResponse;
    outsideTransforms = Array.isArray(transform) ? transform.length : 1;
    const { responses } = await capturing;

    expect(only(responses).path).toBe('/inside');
    const defaults = axios.defaults.transformResponse;
    expect(outsideTransforms).toBe(Array.isArray(defaults) ? defaults.length : 1);
  });

  it('keeps parallel captures apart', async () => {
    const http = createCarrierHttp({ timeoutMs: 2000 });
    nock(BASE_URL).get('/a').delay(30).reply(200, 'a');
    nock(BASE_URL).get('/b').reply(200, 'b');

    const [a, b] = await Promise.all([captureResponses(() => http.get(`${BASE_URL}/a`)), captureResponses(() => http.get(`${BASE_URL}/b`))]);

    expect(only(a.responses).body).toBe('a');
    expect(only(b.responses).body).toBe('b');
  });

  it('keeps the raw text of a JSON answer while the adapter still gets it parsed', async () => {
    const http = createCarrierHttp({ timeoutMs: 2000 });
    const raw = '{ "shipments" : [ {"id": "AB1", "weight": 1.50} ],\n  "note": "as sent" }';
    nock(BASE_URL).get('/json').reply(200, raw, { 'Content-Type': 'application/json; charset=utf-8' });

    const { result, responses } = await captureResponses(() => http.get<unknown>(`${BASE_URL}/json`));

    expect(result.data).toEqual({ shipments: [{ id: 'AB1', weight: 1.5 }], note: 'as sent' });
    expect(only(responses)).toEqual({ method: 'GET', path: '/json', status: 200, contentType: 'application/json; charset=utf-8', body: raw });
  });

  it('keeps a garbage answer byte for byte, and the adapter sees the same string as without a capture', async () => {
    const http = createCarrierHttp({ timeoutMs: 2000 });
    const garbage = '{"shipments": [ {"id": "AB1", <<<ÿ\u0000 truncated';
    nock(BASE_URL).get('/garbage').twice().reply(200, garbage, { 'Content-Type': 'application/json' });

    const plain = await http.get<unknown>(`${BASE_URL}/garbage`);
    const { result, responses } = await captureResponses(() => http.get<unknown>(`${BASE_URL}/garbage`));

    expect(result.data).toBe(plain.data);
    expect(only(responses).body).toBe(garbage);
  });

  it('captures an answer whose status made axios throw, and one an adapter reads with its own transform', async () => {
    const http = createCarrierHttp({ timeoutMs: 2000 });
    nock(BASE_URL).get('/strict').reply(503, 'down for maintenance', { 'Content-Type': 'text/html' });
    nock(BASE_URL).post('/soap').reply(200, '<Envelope><Body>odd</Body></Envelope>', { 'Content-Type': 'text/xml' });

    const { responses } = await captureResponses(async () => {
      await expect(http.get(`${BASE_URL}/strict`, { validateStatus: (s) => s < 400 })).rejects.toThrow(/503/);
      const soap = await http.post<string>(`${BASE_URL}/soap`, '<Envelope/>', { responseType: 'text', transformResponse: (d: unknown) => d });
      expect(soap.data).toBe('<Envelope><Body>odd</Body></Envelope>');
    });

    expect(responses.map((r) => [r.status, r.body])).toEqual([
      [503, 'down for maintenance'],
      [200, '<Envelope><Body>odd</Body></Envelope>'],
    ]);
  });

  it('keeps the path only: neither the query string nor params (they may hold keys)', async () => {
    const http = createCarrierHttp({ timeoutMs: 2000 });
    nock(BASE_URL).get('/api/track/1Z999').query({ apiKey: 'MARKER-QUERY-KEY', Sifre: 'MARKER-QUERY-PASS' }).reply(200, 'ok');

    const { responses } = await captureResponses(() =>
      http.get(`${BASE_URL}/api/track/1Z999?apiKey=MARKER-QUERY-KEY`, { params: { Sifre: 'MARKER-QUERY-PASS' } }),
    );

    expect(only(responses).path).toBe('/api/track/1Z999');
    expect(JSON.stringify(responses)).not.toMatch(/MARKER/);
  });

  it('never records request headers or request bodies', async () => {
    const http = createCarrierHttp({ timeoutMs: 2000 });
    nock(BASE_URL).post('/login').reply(200, { ok: true });

    const { responses } = await captureResponses(() =>
      http.post(`${BASE_URL}/login`, { user: 'MARKER-REQUEST-USER', password: 'MARKER-REQUEST-PASSWORD' }, { headers: { Authorization: 'Basic MARKER-REQUEST-HEADER' } }),
    );

    expect(only(responses).body).toBe('{"ok":true}');
    expect(JSON.stringify(responses)).not.toMatch(/MARKER/);
  });

  it('cuts a long body at 64 KiB on a character boundary and says how much came', async () => {
    const http = createCarrierHttp({ timeoutMs: 2000 });
    // Two-byte characters with a one-byte start: the limit falls in the middle of a character.
    const long = `x${'ş'.repeat(60_000)}`;
    const received = Buffer.byteLength(long, 'utf8');
    nock(BASE_URL).get('/long').reply(200, long, { 'Content-Type': 'text/plain; charset=utf-8' });

    const { result, responses } = await captureResponses(() => http.get<string>(`${BASE_URL}/long`));

    expect(result.data).toBe(long);
    const body = only(responses).body;
    const [kept, marker] = body.split(`\n${TRUNCATION_MARKER}`);
    expect(Buffer.byteLength(kept ?? '', 'utf8')).toBe(CAPTURED_BODY_LIMIT_BYTES - 1);
    expect(long.startsWith(kept ?? '-')).toBe(true);
    expect(marker).toBe(` ${received} bytes received, first ${CAPTURED_BODY_LIMIT_BYTES - 1} kept]`);
  });

  it('blanks a secret that the 64 KiB cut falls into', async () => {
    const http = createCarrierHttp({ timeoutMs: 2000 });
    const prefix = `{"pad":"${'z'.repeat(CAPTURED_BODY_LIMIT_BYTES - 40)}","access_token":"`;
    const long = `${prefix}MARKER-${'T'.repeat(200)}","n":1}`;
    nock(BASE_URL).get('/cut').reply(200, long, { 'Content-Type': 'application/json' });

    const { responses } = await captureResponses(() => http.get(`${BASE_URL}/cut`));

    const body = only(responses).body;
    expect(body.startsWith(prefix)).toBe(true);
    expect(body).not.toMatch(/MARKER|TTT/);
    expect(body.endsWith(`${TRUNCATION_MARKER} ${Buffer.byteLength(long)} bytes received, first ${prefix.length + '"[redacted]"'.length - 1} kept]`)).toBe(true);
  });

  it('keeps a body of exactly 64 KiB whole', async () => {
    const http = createCarrierHttp({ timeoutMs: 2000 });
    const exact = 'y'.repeat(CAPTURED_BODY_LIMIT_BYTES);
    nock(BASE_URL).get('/exact').reply(200, exact, { 'Content-Type': 'text/plain' });

    const { responses } = await captureResponses(() => http.get(`${BASE_URL}/exact`));

    expect(only(responses).body).toBe(exact);
  });

  it('redacts a token endpoint answer (JSON) and a SOAP login answer (XML) before they are captured', async () => {
    const http = createCarrierHttp({ timeoutMs: 2000 });
    nock(BASE_URL)
      .post('/oauth/token')
      .reply(200, { access_token: 'MARKER-ACCESS-TOKEN', token_type: 'Bearer', refresh_token: 'MARKER-REFRESH', expires_in: 3599 });
    nock(BASE_URL)
      .post('/soap')
      .reply(
        200,
        '<soap:Envelope><soap:Body><LoginResult><ns:Token>MARKER-SOAP-TOKEN</ns:Token><Sifre>MARKER-SOAP-SIFRE</Sifre><Durum>OK</Durum></LoginResult></soap:Body></soap:Envelope>',
        { 'Content-Type': 'text/xml' },
      );

    const { result, responses } = await captureResponses(async () => {
      const token = await http.post<{ access_token: string }>(`${BASE_URL}/oauth/token`, 'grant_type=client_credentials');
      await http.post(`${BASE_URL}/soap`, '<Envelope/>');
      return token.data.access_token;
    });

    // The adapter still gets its token; only the capture is blanked.
    expect(result).toBe('MARKER-ACCESS-TOKEN');
    expect(responses.map((r) => r.body)).toEqual([
      '{"access_token":"[redacted]","token_type":"[redacted]","refresh_token":"[redacted]","expires_in":3599}',
      '<soap:Envelope><soap:Body><LoginResult><ns:Token>[redacted]</ns:Token><Sifre>[redacted]</Sifre><Durum>OK</Durum></LoginResult></soap:Body></soap:Envelope>',
    ]);
    expect(JSON.stringify(responses)).not.toMatch(/MARKER/);
  });
});
