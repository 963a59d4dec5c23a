import type { EventDefinition } from '@mrm/contracts';
import { DLQ_STREAM, streamOf } from '@mrm/messaging';
import type {
  AsyncApiChannel,
  AsyncApiDocument,
  AsyncApiMessage,
  AsyncApiOperation,
} from './asyncapi-types';
import { cloudEventHeadersSchema } from './cloudevent-headers';
import {
  DEAD_LETTER_CHANNEL,
  DEAD_LETTER_MESSAGE,
  deadLetterChannel,
  deadLetterMessage,
} from './dead-letters';
import type { JsonSchema } from './json-schema';
import { type PropertyDescriber, payloadSchema } from './payload-schema';

export interface AsyncApiBuildOptions {
  /** `info.version`; the repository's package version by default in the CLI. */
  readonly version?: string;
  /** TSDoc of payload properties (see `readPropertyDocs`); without it fields have no description. */
  readonly describeProperty?: PropertyDescriber;
}

export const DOCUMENT_TITLE = 'National follow-up and referral mechanism — event bus';

const DESCRIPTION = `Every integration event exchanged by the services of the mechanism, generated from \`libs/contracts\` by \`tools/generate-asyncapi.ts\` (do not edit by hand).

**Envelope.** CloudEvents 1.0 in binary mode over NATS JetStream: the context attributes travel as \`ce-*\` headers (percent-encoded per the CloudEvents NATS binding) and the JSON \`data\` is the body. Subjects are \`<producer>.<type>\`; each producer owns one stream (\`REGISTRATION\` ← \`registration.>\`). Test runs prefix subjects and streams with a namespace; production does not.

**Delivery guarantees.**

- *At least once.* Any event may be delivered more than once; consumers must tolerate it.
- *Transactional outbox.* A producer commits its state change and the event in one database transaction; a relay publishes committed rows with \`Nats-Msg-Id\` = \`ce-id\`, so JetStream drops a re-publish inside its two-minute duplicate window. Nothing is published from inside a business transaction.
- *Idempotent consumers.* A consumer records \`ce-id\` in its inbox in the same transaction as its effect and acks only after the commit; a duplicate is acked and skipped.
- *Retries and dead letters.* Transient failures are redelivered with exponential backoff. An undecodable, unknown, misrouted or invalid message, a permanent rejection, or the last allowed delivery is copied to the \`${DLQ_STREAM}\` stream (\`dlq.<consumer>.<subject>\`) with its reason and origin, then terminated; operators list and replay dead letters.
- *Order.* Not guaranteed across redeliveries: handlers reach the same state in any order, using the aggregate \`version\` or timestamps.

**Compatibility and privacy.** Within a version only optional fields are added, so consumers ignore unknown fields; a breaking change is a new \`.vN\` published beside the old one. Payloads carry pseudonymous ids and non-identifying dimensions, never names, contact details, addresses or document numbers.`;

/** `beneficiary.consent-granted.v1` → `beneficiaryConsentGrantedV1`, the id of its channel and message. */
export function eventId(type: string): string {
  return type
    .split(/[.-]/)
    .map((token, index) => (index === 0 ? token : token.charAt(0).toUpperCase() + token.slice(1)))
    .join('');
}

/** `beneficiary.consent-granted.v1` → `Beneficiary consent granted (v1)`. */
function eventTitle(type: string): string {
  const tokens = type.split('.');
  const version = tokens.pop() ?? '';
  const words = tokens.join(' ').replace(/-/g, ' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} (${version})`;
}

function assertUnique(catalogue: ReadonlyArray<EventDefinition<object>>): void {
  for (const key of ['type', 'subject'] as const) {
    const seen = new Set<string>();
    for (const definition of catalogue) {
      if (seen.has(definition[key])) throw new Error(`Duplicate event ${key} ${definition[key]}`);
      seen.add(definition[key]);
    }
  }
}

function eventChannel(definition: EventDefinition<object>, id: string): AsyncApiChannel {
  return {
    address: definition.subject,
    title: eventTitle(definition.type),
    description: definition.description,
    messages: { [id]: { $ref: `#/components/messages/${id}` } },
    'x-stream': streamOf(definition.producer),
  };
}

function eventMessage(definition: EventDefinition<object>): AsyncApiMessage {
  return {
    name: definition.type,
    title: eventTitle(definition.type),
    summary: definition.description,
    contentType: 'application/json',
    headers: cloudEventHeadersSchema(definition),
    payload: { $ref: `#/components/schemas/${definition.payload.name}` },
  };
}

function sendOperation(definition: EventDefinition<object>, id: string): AsyncApiOperation {
  return {
    action: 'send',
    title: `Publish ${definition.type}`,
    summary: `${definition.producer} publishes ${definition.type} through its transactional outbox.`,
    channel: { $ref: `#/channels/${id}` },
    messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
    'x-producer': definition.producer,
  };
}

function deadLetterOperations(): Record<string, AsyncApiOperation> {
  const channel = { $ref: `#/channels/${DEAD_LETTER_CHANNEL}` };
  const messages = [{ $ref: `#/channels/${DEAD_LETTER_CHANNEL}/messages/${DEAD_LETTER_MESSAGE}` }];
  return {
    sendDeadLetter: {
      action: 'send',
      title: 'Dead-letter a message',
      summary:
        'Any consuming service (DeadLetterPublisher in libs/messaging) copies a message it gives up on.',
      channel,
      messages,
      'x-producer': 'every consuming service',
    },
    receiveDeadLetter: {
      action: 'receive',
      title: 'Inspect and replay dead letters',
      summary: 'Operators list dead letters and replay them to their original subject.',
      channel,
      messages,
      'x-consumer': 'operators (npm run dlq)',
    },
  };
}

/**
 * The AsyncAPI 3.0.0 document of the bus: one channel, message and `send` operation per catalogue
 * event, plus the dead-letter channel. Pure: the same catalogue and options give the same document.
 */
export function buildAsyncApiDocument(
  catalogue: ReadonlyArray<EventDefinition<object>>,
  options: AsyncApiBuildOptions = {},
): AsyncApiDocument {
  assertUnique(catalogue);
  const channels: Record<string, AsyncApiChannel> = {};
  const operations: Record<string, AsyncApiOperation> = {};
  const messages: Record<string, AsyncApiMessage> = {};
  const schemas: Record<string, JsonSchema> = {};
  for (const definition of catalogue) {
    const id = eventId(definition.type);
    const schemaName = definition.payload.name;
    const schema = payloadSchema(definition.payload, options.describeProperty);
    if (schemas[schemaName] && JSON.stringify(schemas[schemaName]) !== JSON.stringify(schema)) {
      throw new Error(`Two different payload classes are named ${schemaName}`);
    }
    channels[id] = eventChannel(definition, id);
    operations[`send${id.charAt(0).toUpperCase()}${id.slice(1)}`] = sendOperation(definition, id);
    messages[id] = eventMessage(definition);
    schemas[schemaName] = schema;
  }
  channels[DEAD_LETTER_CHANNEL] = deadLetterChannel(catalogue);
  messages[DEAD_LETTER_MESSAGE] = deadLetterMessage();
  Object.assign(operations, deadLetterOperations());
  return {
    asyncapi: '3.0.0',
    info: { title: DOCUMENT_TITLE, version: options.version ?? '0.0.0', description: DESCRIPTION },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: 'localhost:14222',
        protocol: 'nats',
        description: 'NATS JetStream of the docker compose stack (`docker compose up`).',
      },
      cluster: {
        host: 'nats:4222',
        protocol: 'nats',
        description:
          'In-cluster NATS JetStream (3 replicas in production); one NATS user per service.',
        security: [{ $ref: '#/components/securitySchemes/serviceUser' }],
      },
    },
    channels,
    operations,
    components: {
      messages,
      schemas,
      securitySchemes: {
        serviceUser: {
          type: 'userPassword',
          description:
            'NATS user and password of the service, from its Kubernetes Secret (NATS_URL).',
        },
      },
    },
  };
}
