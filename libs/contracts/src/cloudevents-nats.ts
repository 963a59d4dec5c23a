import { CLOUDEVENTS_SPEC_VERSION, EventEnvelope, JSON_CONTENT_TYPE } from './envelope';

/** Header carrying JetStream's publish de-duplication id. */
export const NATS_MSG_ID_HEADER = 'Nats-Msg-Id';

const ATTRIBUTE_HEADERS = {
  id: 'ce-id',
  source: 'ce-source',
  type: 'ce-type',
  specversion: 'ce-specversion',
  time: 'ce-time',
  subject: 'ce-subject',
  datacontenttype: 'ce-datacontenttype',
  correlationid: 'ce-correlationid',
  causationid: 'ce-causationid',
  traceparent: 'traceparent',
} as const;

const REQUIRED: ReadonlyArray<keyof typeof ATTRIBUTE_HEADERS> = [
  'id',
  'source',
  'type',
  'specversion',
  'time',
  'subject',
  'correlationid',
];

/**
 * Percent-encodes a header value as the CloudEvents HTTP/NATS bindings require: every byte of the
 * UTF-8 form outside printable US-ASCII, plus space, `"` and `%`, becomes `%XX`.
 */
export function percentEncodeHeaderValue(value: string): string {
  // Most values (ids, types, timestamps) need no encoding: skip the byte walk.
  if (/^[\x21\x23\x24\x26-\x7e]*$/.test(value)) return value;
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const printable = byte > 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x25;
    out += printable
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function percentDecodeHeaderValue(value: string): string {
  if (!value.includes('%')) return value;
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i += 1) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(value[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Header name → value for a binary-mode CloudEvent; `Nats-Msg-Id` equals `ce-id`. */
export function toBinaryHeaders(envelope: EventEnvelope): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [attribute, header] of Object.entries(ATTRIBUTE_HEADERS)) {
    const value = envelope[attribute as keyof typeof ATTRIBUTE_HEADERS];
    if (value !== undefined) {
      headers[header] = percentEncodeHeaderValue(value);
    }
  }
  headers[NATS_MSG_ID_HEADER] = envelope.id;
  return headers;
}

export class CloudEventDecodeError extends Error {}

// Hot path of every consumer and of the rebuild: the attribute table is walked without
// Object.entries, and the body is decoded in place (Buffer.from(Uint8Array) would copy it).
const ATTRIBUTE_NAMES = Object.keys(ATTRIBUTE_HEADERS) as Array<keyof typeof ATTRIBUTE_HEADERS>;
const HEADER_NAMES = ATTRIBUTE_NAMES.map((attribute) => ATTRIBUTE_HEADERS[attribute]);

/**
 * Rebuilds an envelope from binary-mode headers and a JSON body. Throws `CloudEventDecodeError`
 * when an attribute is missing or the body is not JSON: such a message can never succeed.
 */
export function fromBinaryMessage(
  getHeader: (name: string) => string | undefined,
  body: Uint8Array,
): EventEnvelope {
  const attributes: Record<string, unknown> = {};
  for (let i = 0; i < ATTRIBUTE_NAMES.length; i += 1) {
    const raw = getHeader(HEADER_NAMES[i]);
    if (raw !== undefined && raw !== '') {
      attributes[ATTRIBUTE_NAMES[i]] = percentDecodeHeaderValue(raw);
    }
  }
  const missing = REQUIRED.filter((attribute) => attributes[attribute] === undefined);
  if (missing.length > 0) {
    throw new CloudEventDecodeError(`missing CloudEvents attributes: ${missing.join(', ')}`);
  }
  if (attributes.specversion !== CLOUDEVENTS_SPEC_VERSION) {
    throw new CloudEventDecodeError(`unsupported specversion ${attributes.specversion as string}`);
  }
  const contentType = (attributes.datacontenttype as string | undefined) ?? JSON_CONTENT_TYPE;
  if (!contentType.startsWith(JSON_CONTENT_TYPE)) {
    throw new CloudEventDecodeError(`unsupported datacontenttype ${contentType}`);
  }
  let data: unknown;
  try {
    const bytes =
      body instanceof Uint8Array
        ? Buffer.from(body.buffer, body.byteOffset, body.byteLength)
        : Buffer.from(body);
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new CloudEventDecodeError('body is not valid JSON');
  }
  // Same keys in the same order as `{ ...attributes, datacontenttype, data }`, one object less.
  attributes.datacontenttype = JSON_CONTENT_TYPE;
  attributes.data = data;
  return attributes as unknown as EventEnvelope;
}
