import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import {
  BENEFICIARY_CATEGORIES,
  EVENT_CATALOGUE,
  NATS_MSG_ID_HEADER,
  beneficiaryRegisteredV1,
} from '@mrm/contracts';
import { DeadLetterHeaders } from '@mrm/messaging';
import { buildAsyncApiDocument, DOCUMENT_TITLE, eventId } from './build-asyncapi';
import { ASYNCAPI_FILE, type BusDocuments, findRepoRoot, generateBusDocuments } from './generate';
import type { JsonSchema } from './json-schema';
import { toYaml } from './yaml';

const ERROR: number = DiagnosticSeverity.Error;

// Property names that would mean personal data on the bus (ARCHITECTURE.md §3).
const PERSONAL =
  /name|phone|mobile|e-?mail|address|document|passport|cin$|birth-?date|date-?of-?birth/i;

const CE_HEADERS = [
  'ce-id',
  'ce-source',
  'ce-type',
  'ce-specversion',
  'ce-time',
  'ce-subject',
  'ce-datacontenttype',
  'ce-correlationid',
  'ce-causationid',
  'traceparent',
  NATS_MSG_ID_HEADER,
];

async function parse(input: string) {
  const { document, diagnostics } = await new Parser().parse(input);
  const errors = diagnostics.filter((d) => (d.severity as number) === ERROR);
  if (!document || errors.length > 0) {
    throw new Error(`AsyncAPI parse failed: ${JSON.stringify(errors, null, 2)}`);
  }
  return document;
}

describe('buildAsyncApiDocument', () => {
  let generated: BusDocuments;
  let repoRoot: string;

  beforeAll(() => {
    repoRoot = findRepoRoot(__dirname);
    generated = generateBusDocuments(repoRoot);
  });

  it('produces an AsyncAPI 3.0.0 document without error-level diagnostics', async () => {
    const diagnostics = await new Parser().validate(generated.yaml);

    const errors = diagnostics.filter((d) => (d.severity as number) === ERROR);
    expect(errors).toEqual([]);
    expect(generated.document.asyncapi).toBe('3.0.0');
    expect(generated.document.info.title).toBe(DOCUMENT_TITLE);
    expect(Object.values(generated.document.servers).map((server) => server.protocol)).toContain(
      'nats',
    );
  });

  it('gives every catalogue event a channel, a message with its ce-type and a send operation', async () => {
    const document = await parse(generated.yaml);

    for (const definition of EVENT_CATALOGUE) {
      const channel = document
        .channels()
        .all()
        .find((c) => c.address() === definition.subject);
      expect(channel).toBeDefined();
      const messages = channel?.messages().all() ?? [];
      expect(messages.map((message) => message.name())).toEqual([definition.type]);
      const headers = messages[0].headers()?.json<JsonSchema>();
      expect(Object.keys(headers?.properties ?? {})).toEqual(CE_HEADERS);
      expect(headers?.properties?.['ce-type']?.const).toBe(definition.type);
      expect(messages[0].contentType()).toBe('application/json');
      const send = document
        .operations()
        .filterBySend()
        .find((operation) => operation.channels().all()[0]?.address() === definition.subject);
      expect(send?.extensions().get('x-producer')?.value()).toBe(definition.producer);
    }
  });

  it('documents the dead-letter channel with its headers', async () => {
    const document = await parse(generated.yaml);

    const channel = document
      .channels()
      .all()
      .find((c) => c.address() === 'dlq.{consumer}.{subject}');
    expect(
      channel
        ?.parameters()
        .all()
        .map((parameter) => parameter.id()),
    ).toEqual(['consumer', 'subject']);
    const headers = channel?.messages().all()[0].headers()?.json<JsonSchema>();
    expect(headers?.required).toEqual(expect.arrayContaining(Object.values(DeadLetterHeaders)));
  });

  it('keeps the committed docs/asyncapi.yaml up to date', () => {
    const committed = readFileSync(path.join(repoRoot, ASYNCAPI_FILE), 'utf8');

    const status = committed === generated.yaml ? 'up to date' : 'stale';
    // On failure: npx ts-node -r tsconfig-paths/register tools/generate-asyncapi.ts
    expect(`${ASYNCAPI_FILE} is ${status}`).toBe(`${ASYNCAPI_FILE} is up to date`);
  });

  it('writes YAML that parses to the same document as its JSON form', async () => {
    const fromYaml = await parse(generated.yaml);
    const fromJson = await parse(JSON.stringify(generated.document));

    expect(fromYaml.json()).toEqual(fromJson.json());
  });

  it('requires beneficiaryId in beneficiary.registered.v1 and carries nothing personal', () => {
    const schema = generated.document.components.schemas[beneficiaryRegisteredV1.payload.name];
    const properties = schema.properties ?? {};

    expect(schema.required).toContain('beneficiaryId');
    expect(Object.keys(properties).filter((name) => PERSONAL.test(name))).toEqual([]);
    expect(properties.category?.enum).toEqual([...BENEFICIARY_CATEGORIES]);
    expect(properties.birthYear).toMatchObject({ type: 'integer', minimum: 1900, maximum: 2100 });
    expect(properties.registeredAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(schema.required).not.toContain('programmeCode');
    expect(properties.beneficiaryId?.description).toBe('Pseudonymous beneficiary id (UUID).');
  });

  it('carries no personal field in any event payload', () => {
    for (const definition of EVENT_CATALOGUE) {
      const schema = generated.document.components.schemas[definition.payload.name];

      expect([
        definition.type,
        Object.keys(schema.properties ?? {}).filter((n) => PERSONAL.test(n)),
      ]).toEqual([definition.type, []]);
    }
  });

  it('is a pure function of the catalogue', () => {
    const first = toYaml(buildAsyncApiDocument(EVENT_CATALOGUE, { version: '1.2.3' }));
    const second = toYaml(buildAsyncApiDocument(EVENT_CATALOGUE, { version: '1.2.3' }));

    expect(first).toBe(second);
    expect(first).toContain(`${eventId(beneficiaryRegisteredV1.type)}:`);
  });

  it('rejects a catalogue with a duplicate event type', () => {
    expect(() => buildAsyncApiDocument([beneficiaryRegisteredV1, beneficiaryRegisteredV1])).toThrow(
      /Duplicate event type/,
    );
  });
});
