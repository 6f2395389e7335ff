/**
 * SOAP for the carriers that speak it (Yurtiçi, Aras, MNG's SOAP services, PTT): envelopes built
 * and answers parsed with fast-xml-parser, never by string slicing. Parsed values stay strings
 * (carriers pad numbers and codes; "007" must stay "007").
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

export type SoapVersion = '1.1' | '1.2';

const ENVELOPE_NS: Record<SoapVersion, string> = {
  '1.1': 'http://schemas.xmlsoap.org/soap/envelope/',
  '1.2': 'http://www.w3.org/2003/05/soap-envelope',
};

export interface SoapRequest {
  version: SoapVersion;
  /** Namespace of the operation element, e.g. http://yurticikargo.com.tr/ShippingOrderDispatcherServices */
  namespace: string;
  /** Operation element name, e.g. queryShipment. */
  operation: string;
  /** Operation children, in order; arrays repeat an element; nested objects nest. */
  body: Readonly<Record<string, unknown>>;
  /** Whether child elements carry the operation's namespace (elementFormDefault="qualified"). Default true. */
  qualifiedChildren?: boolean;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false, format: false });

export function buildSoapEnvelope(request: SoapRequest): string {
  const envelope = {
    'soap:Envelope': {
      '@_xmlns:soap': ENVELOPE_NS[request.version],
      'soap:Body': {
        [`ns:${request.operation}`]: {
          '@_xmlns:ns': request.namespace,
          ...(request.qualifiedChildren === false ? request.body : prefixChildren(request.body)),
        },
      },
    },
  };
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build(envelope) as string}`;
}

function prefixChildren(body: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [`ns:${k}`, isPlainObject(v) ? prefixChildren(v) : v]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function soapContentType(version: SoapVersion, action?: string): Record<string, string> {
  return version === '1.1'
    ? { 'content-type': 'text/xml; charset=utf-8', ...(action !== undefined && { soapaction: `"${action}"` }) }
    : { 'content-type': `application/soap+xml; charset=utf-8${action ? `; action="${action}"` : ''}` };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Guard against entity-expansion bombs in hostile answers.
  processEntities: true,
  htmlEntities: false,
});

export type SoapAnswer =
  | { kind: 'body'; body: Record<string, unknown> }
  | { kind: 'fault'; code: string; message: string }
  | { kind: 'malformed'; detail: string };

/** Parses a SOAP answer into its Body (namespaces removed) or its Fault; never throws. */
export function parseSoapAnswer(xml: unknown): SoapAnswer {
  if (typeof xml !== 'string' || xml.trim() === '') return { kind: 'malformed', detail: 'empty or non-text SOAP answer' };
  let doc: unknown;
  try {
    doc = parser.parse(xml, true);
  } catch {
    return { kind: 'malformed', detail: 'SOAP answer is not well-formed XML' };
  }
  const envelope = isPlainObject(doc) ? doc['Envelope'] : undefined;
  const body = isPlainObject(envelope) ? envelope['Body'] : undefined;
  if (!isPlainObject(body)) return { kind: 'malformed', detail: 'SOAP answer has no Envelope/Body' };
  const fault = body['Fault'];
  if (isPlainObject(fault)) {
    // SOAP 1.1: faultcode/faultstring; SOAP 1.2: Code/Value and Reason/Text.
    const code = text(fault['faultcode']) || text(isPlainObject(fault['Code']) ? fault['Code']['Value'] : undefined);
    const reason = isPlainObject(fault['Reason']) ? fault['Reason']['Text'] : undefined;
    const message = text(fault['faultstring']) || text(isPlainObject(reason) ? reason['#text'] : reason);
    return { kind: 'fault', code: code || 'Fault', message };
  }
  return { kind: 'body', body };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** XML gives one element as an object and several as an array; callers want an array either way. */
export function asArray<T>(value: T | readonly T[] | undefined | null): T[] {
  if (value === undefined || value === null || (value as unknown) === '') return [];
  return Array.isArray(value) ? [...(value as readonly T[])] : [value as T];
}
