import { type EventDefinition, NATS_MSG_ID_HEADER, PRODUCERS } from '@mrm/contracts';
import {
  DeadLetterHeaders,
  type DeadLetterReason,
  DLQ_STREAM,
  DLQ_SUBJECT_ROOT,
} from '@mrm/messaging';
import type { AsyncApiChannel, AsyncApiMessage } from './asyncapi-types';
import { type JsonSchema, orderSchemaKeys } from './json-schema';

export const DEAD_LETTER_CHANNEL = 'deadLetters';
export const DEAD_LETTER_MESSAGE = 'deadLetter';

/** What each reason means; the Record type keeps the list in step with `DeadLetterReason`. */
const REASONS: Record<DeadLetterReason, string> = {
  undecodable: 'CloudEvents headers missing or invalid, or a body that is not JSON.',
  'unknown-type': '`ce-type` is not in the contracts catalogue.',
  'subject-mismatch': '`ce-type` does not belong on the subject the message arrived on.',
  'invalid-payload': "The body failed the contract's validation.",
  rejected: 'The handler reported a permanent failure.',
  'deliveries-exhausted': 'Transient failures until the last allowed delivery.',
};

const DIGITS = { type: 'string', pattern: '^[0-9]+$' } as const;

/** Documentation of each dead-letter header; keyed like `DeadLetterHeaders`, so none is missed. */
const HEADER_SCHEMAS: Record<keyof typeof DeadLetterHeaders, JsonSchema> = {
  reason: {
    type: 'string',
    enum: Object.keys(REASONS),
    description:
      'Why the message was dead-lettered: ' +
      Object.entries(REASONS)
        .map(([reason, meaning]) => `\`${reason}\`: ${meaning}`)
        .join(' '),
  },
  error: {
    type: 'string',
    description: 'Error message (first 1000 characters), percent-encoded.',
  },
  consumer: {
    type: 'string',
    enum: [...PRODUCERS],
    description: 'Service whose consumer gave up on the message.',
  },
  stream: { type: 'string', description: 'Stream of the original message.' },
  sequence: { ...DIGITS, description: 'Stream sequence of the original message.' },
  subject: {
    type: 'string',
    description: 'Subject of the original message, without the deployment namespace.',
  },
  deliveries: { ...DIGITS, description: 'Deliveries the original message had.' },
  failedAt: {
    type: 'string',
    format: 'date-time',
    description: 'When it was dead-lettered, ISO-8601 UTC.',
  },
};

function deadLetterHeadersSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [key, header] of Object.entries(DeadLetterHeaders)) {
    properties[header] = orderSchemaKeys(HEADER_SCHEMAS[key as keyof typeof DeadLetterHeaders]);
  }
  properties[NATS_MSG_ID_HEADER] = {
    description:
      '`dlq:<consumer>:<origin stream>:<origin sequence>`, so dead-lettering the same delivery ' +
      'again after a crash is de-duplicated.',
    type: 'string',
    pattern: '^dlq:',
  };
  return orderSchemaKeys({
    description:
      "The original message's headers (CloudEvents attributes included, `Nats-*` excluded) plus " +
      'the dead-letter headers below.',
    type: 'object',
    required: [...Object.values(DeadLetterHeaders), NATS_MSG_ID_HEADER],
    properties,
    additionalProperties: true,
  });
}

export function deadLetterChannel(
  catalogue: ReadonlyArray<EventDefinition<object>>,
): AsyncApiChannel {
  return {
    address: `${DLQ_SUBJECT_ROOT}.{consumer}.{subject}`,
    title: 'Dead letters',
    description:
      `Messages a consumer could not process, copied to the \`${DLQ_STREAM}\` stream with their ` +
      'reason and origin before the original is terminated. Operators list and replay them ' +
      '(`npm run dlq`).',
    parameters: {
      consumer: {
        description: 'Service whose consumer dead-lettered the message.',
        enum: [...PRODUCERS],
      },
      subject: {
        description: 'Subject the original message arrived on, without the deployment namespace.',
        examples: catalogue.slice(0, 1).map((definition) => definition.subject),
      },
    },
    messages: { [DEAD_LETTER_MESSAGE]: { $ref: `#/components/messages/${DEAD_LETTER_MESSAGE}` } },
    'x-stream': DLQ_STREAM,
  };
}

export function deadLetterMessage(): AsyncApiMessage {
  return {
    name: 'dead-letter',
    title: 'Dead letter',
    summary: 'A message a consumer gave up on, with the reason and its origin.',
    contentType: 'application/json',
    headers: deadLetterHeadersSchema(),
    payload: {
      description:
        'The original body, byte for byte: usually the JSON data of one of the events above, ' +
        'arbitrary bytes when the reason is `undecodable`.',
    },
  };
}
