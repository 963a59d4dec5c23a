import { type EventDefinition, NATS_MSG_ID_HEADER, toBinaryHeaders } from '@mrm/contracts';
import { type JsonSchema, orderSchemaKeys } from './json-schema';

const UUID = { type: 'string', format: 'uuid' } as const;

/** Documentation of every header `toBinaryHeaders` may write, in wire order. */
const HEADER_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  'ce-id': { ...UUID, description: 'Event id (UUIDv7); also the inbox key of every consumer.' },
  'ce-source': { type: 'string', description: 'Producing service as a URI reference.' },
  'ce-type': { type: 'string', description: 'Event type; selects the payload contract.' },
  'ce-specversion': { type: 'string', description: 'CloudEvents spec version.' },
  'ce-time': {
    type: 'string',
    format: 'date-time',
    description: 'When the fact happened, ISO-8601 UTC.',
  },
  'ce-subject': {
    type: 'string',
    description: 'Id of the aggregate the event is about (pseudonymous, never personal data).',
  },
  'ce-datacontenttype': { type: 'string', description: 'Media type of the body.' },
  'ce-correlationid': {
    type: 'string',
    description: 'Id shared by every event and request caused by the same user action.',
  },
  'ce-causationid': {
    type: 'string',
    description: 'Id of the event or request that directly caused this one.',
  },
  traceparent: {
    type: 'string',
    pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
    description: 'W3C trace context of the producing span, when tracing is on.',
  },
  [NATS_MSG_ID_HEADER]: {
    ...UUID,
    description:
      'Equals `ce-id`: JetStream drops a re-publish of the same event inside its duplicate window.',
  },
};

// Attributes that are the same on every message of one event type.
const FIXED_PER_TYPE = ['ce-type', 'ce-source', 'ce-specversion', 'ce-datacontenttype'];
// Written only when the producer has them.
const OPTIONAL_HEADERS = ['ce-causationid', 'traceparent'];

/**
 * The headers schema of one event type, taken from what `toBinaryHeaders` really writes for it:
 * a header the code adds without documentation here fails the generation.
 */
export function cloudEventHeadersSchema(definition: EventDefinition<object>): JsonSchema {
  const sample = toBinaryHeaders(
    definition.build(
      {},
      { subject: 'aggregate', correlationId: 'c', causationId: 'e', traceparent: 't' },
    ),
  );
  const properties: Record<string, JsonSchema> = {};
  for (const [header, value] of Object.entries(sample)) {
    const schema = HEADER_SCHEMAS[header];
    if (!schema) {
      throw new Error(
        `Header ${header} has no documentation in tools/asyncapi/cloudevent-headers.ts`,
      );
    }
    properties[header] = orderSchemaKeys(
      FIXED_PER_TYPE.includes(header) ? { ...schema, const: value } : schema,
    );
  }
  return orderSchemaKeys({
    description:
      'CloudEvents 1.0 binary mode: context attributes as headers, values percent-encoded as the ' +
      'CloudEvents NATS binding requires.',
    type: 'object',
    required: Object.keys(properties).filter((header) => !OPTIONAL_HEADERS.includes(header)),
    properties,
    additionalProperties: true,
  });
}
