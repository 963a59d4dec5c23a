import type { EventDefinition } from '@mrm/contracts';
import type { AsyncApiDocument } from './asyncapi-types';
import { eventId } from './build-asyncapi';
import { DEAD_LETTER_CHANNEL, DEAD_LETTER_MESSAGE } from './dead-letters';
import type { JsonSchema } from './json-schema';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function code(text: string | number): string {
  return `\`${String(text)}\``;
}

function row(cells: string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

function table(header: string[], rows: string[][]): string[] {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)];
}

function typeOf(schema: JsonSchema): string {
  if (schema.type === 'array') return `${schema.items ? typeOf(schema.items) : 'any'}[]`;
  const base = schema.type ?? 'any';
  return schema.format ? `${base} (${schema.format})` : base;
}

function constraintsOf(schema: JsonSchema): string {
  const parts: string[] = [];
  if (schema.const !== undefined) parts.push(`= ${code(schema.const)}`);
  if (schema.enum) parts.push(`one of ${schema.enum.map(code).join(', ')}`);
  if (schema.pattern) parts.push(`matches ${code(schema.pattern)}`);
  if (schema.minLength !== undefined) parts.push(`≥ ${schema.minLength} chars`);
  if (schema.maxLength !== undefined) parts.push(`≤ ${schema.maxLength} chars`);
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) parts.push(`> ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  if (schema.minItems !== undefined) parts.push(`≥ ${schema.minItems} items`);
  if (schema.maxItems !== undefined) parts.push(`≤ ${schema.maxItems} items`);
  if (schema.uniqueItems) parts.push('unique items');
  const items = schema.items ? constraintsOf(schema.items) : '';
  if (items) parts.push(`each ${items}`);
  return parts.join('; ');
}

function fieldTable(schema: JsonSchema, label = 'Field'): string[] {
  const required = new Set(schema.required ?? []);
  return table(
    [label, 'Type', 'Required', 'Constraints', 'Description'],
    Object.entries(schema.properties ?? {}).map(([name, property]) => [
      code(name),
      typeOf(property),
      required.has(name) ? 'yes' : 'no',
      constraintsOf(property),
      property.description ?? '',
    ]),
  );
}

function fieldList(schema: JsonSchema): string {
  const required = new Set(schema.required ?? []);
  return Object.keys(schema.properties ?? {})
    .map((name) => (required.has(name) ? code(name) : `${code(name)} (optional)`))
    .join(', ');
}

// The headers table is shared by every event: drop the values that are one event type's own.
function withoutPerTypeConsts(headers: JsonSchema): JsonSchema {
  const properties = Object.fromEntries(
    Object.entries(headers.properties ?? {}).map(([name, schema]) => {
      const shared = { ...schema };
      if (name === 'ce-type' || name === 'ce-source') delete shared.const;
      return [name, shared];
    }),
  );
  return { ...headers, properties };
}

function eventSection(definition: EventDefinition<object>, document: AsyncApiDocument): string[] {
  const channel = document.channels[eventId(definition.type)];
  const schema = document.components.schemas[definition.payload.name];
  return [
    `### ${code(definition.type)}`,
    '',
    definition.description,
    '',
    `Subject ${code(definition.subject)} on stream ${code(channel['x-stream'])}, published by ` +
      `${code(definition.producer)}; payload class ${code(definition.payload.name)} in \`libs/contracts\`.`,
    '',
    ...fieldTable(schema),
    '',
  ];
}

/**
 * `docs/events.md`: the catalogue for people — an overview table, each event's fields, the
 * CloudEvents headers and the dead-letter channel — rendered from the AsyncAPI document.
 */
export function renderEventsMarkdown(
  catalogue: ReadonlyArray<EventDefinition<object>>,
  document: AsyncApiDocument,
): string {
  const schemaOf = (definition: EventDefinition<object>): JsonSchema =>
    document.components.schemas[definition.payload.name];
  const first = catalogue[0];
  const deadLetters = document.channels[DEAD_LETTER_CHANNEL];
  const lines = [
    '# Events',
    '',
    'Generated from `libs/contracts` by `tools/generate-asyncapi.ts`, together with the AsyncAPI ' +
      'document [`asyncapi.yaml`](asyncapi.yaml); do not edit by hand. Every event is a ' +
      'CloudEvent 1.0 in binary mode over NATS JetStream, delivered at least once through the ' +
      "producer's transactional outbox to idempotent consumers (ARCHITECTURE.md §3–4).",
    '',
    '## Catalogue',
    '',
    ...table(
      ['Type', 'Subject', 'Producer', 'Description', 'Payload fields'],
      catalogue.map((definition) => [
        code(definition.type),
        code(definition.subject),
        definition.producer,
        definition.description,
        fieldList(schemaOf(definition)),
      ]),
    ),
    '',
    '## Payloads',
    '',
    'Consumers validate the payload against its contract class; unknown fields are ignored, ' +
      'because a version may gain optional fields. An invalid payload is dead-lettered.',
    '',
    ...catalogue.flatMap((definition) => eventSection(definition, document)),
    '## Headers',
    '',
    'Values are percent-encoded as the CloudEvents NATS binding requires. `ce-type` and ' +
      '`ce-source` are fixed per event type.',
    '',
    ...(first
      ? fieldTable(
          withoutPerTypeConsts(document.components.messages[eventId(first.type)].headers),
          'Header',
        )
      : []),
    '',
    '## Dead letters',
    '',
    `${deadLetters.description} Subject ${code(deadLetters.address)}; the headers are the ` +
      "original message's plus:",
    '',
    ...fieldTable(document.components.messages[DEAD_LETTER_MESSAGE].headers, 'Header'),
  ];
  return `${lines.join('\n')}\n`;
}
