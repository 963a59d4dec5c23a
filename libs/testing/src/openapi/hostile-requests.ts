import { randomUUID } from 'node:crypto';
import { generateBodies } from './body-generator';
import { concretePath, jsonWriteOperations, seedOf } from './contract-requests';
import type { ContractOperation, OpenApiContract } from './openapi-contract';
import type { JsonSchema } from './openapi-json-schema';
import { multipartBody } from './multipart-body';

/** A request built to be refused: sent as JSON (`body`) or as raw bytes (`raw`). */
export interface HostileRequest {
  readonly name: string;
  readonly method: ContractOperation['method'];
  readonly path: string;
  readonly body?: unknown;
  readonly raw?: { readonly contentType: string; readonly payload: Buffer };
  /** The document itself says the request is invalid, so it must be answered 4xx. */
  readonly mustRefuse: boolean;
  readonly target: ContractOperation;
}

// One value of each JSON type; an array holds an object, as an array in place of an object would.
const VALUES_BY_TYPE: ReadonlyArray<readonly [string, unknown]> = [
  ['string', 'fuzz'],
  ['number', 1.5],
  ['boolean', true],
  ['array', [{}]],
  ['object', {}],
  ['null', null],
];
// Nested objects are followed this deep (`address.commune`, `documents[0].number`).
const MAX_DEPTH = 2;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The properties an object schema declares, through `allOf` and a nullable `anyOf`. */
function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  const own = isRecord(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : {};
  const members = [schema.allOf, schema.anyOf].flatMap((list) =>
    Array.isArray(list) ? (list as JsonSchema[]) : [],
  );
  return Object.assign({}, ...members.map(propertiesOf), own) as Record<string, JsonSchema>;
}

function itemsOf(schema: JsonSchema): JsonSchema | undefined {
  if (isRecord(schema.items)) return schema.items;
  const members = [schema.allOf, schema.anyOf].flatMap((list) =>
    Array.isArray(list) ? (list as JsonSchema[]) : [],
  );
  return members.map(itemsOf).find((items) => items !== undefined);
}

type Path = ReadonlyArray<string | number>;

/** A property of a body, and whether its object may leave it out. */
interface PropertyPath {
  readonly path: Path;
  readonly optional: boolean;
}

function requiredOf(schema: JsonSchema): string[] {
  const members = [schema.allOf, schema.anyOf].flatMap((list) =>
    Array.isArray(list) ? (list as JsonSchema[]) : [],
  );
  return [
    ...(Array.isArray(schema.required) ? (schema.required as string[]) : []),
    ...members.flatMap(requiredOf),
  ];
}

/** Every property path of a body: the schema's properties, and inside the body's nested values. */
function propertyPaths(schema: JsonSchema, value: unknown, depth = 0): PropertyPath[] {
  if (depth >= MAX_DEPTH) return [];
  const required = requiredOf(schema);
  return Object.entries(propertiesOf(schema)).flatMap(([name, property]) => {
    const current = isRecord(value) ? value[name] : undefined;
    const items = itemsOf(property);
    const inside = (nested: PropertyPath[], prefix: Path) =>
      nested.map((child) => ({ ...child, path: [...prefix, ...child.path] }));
    const nested: PropertyPath[] = isRecord(current)
      ? inside(propertyPaths(property, current, depth + 1), [name])
      : Array.isArray(current) && isRecord(current[0]) && items
        ? inside(propertyPaths(items, current[0], depth + 1), [name, 0])
        : [];
    return [{ path: [name], optional: !required.includes(name) }, ...nested];
  });
}

function withValueAt(body: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

const nameOf = (target: ContractOperation) => `${target.method.toUpperCase()} ${target.path}`;

/**
 * For every JSON write operation, one body generated valid from its schema, then the same body
 * with each property (nested ones included) set to a value of each JSON type in turn. Where the
 * schema refuses the result, the service must refuse it too.
 */
export function wrongTypeRequests(contract: OpenApiContract): HostileRequest[] {
  return jsonWriteOperations(contract).flatMap((target) => {
    const schema = contract.requestSchema(target.operation) ?? {};
    const [generated] = generateBodies({
      schema,
      count: 1,
      seed: seedOf(nameOf(target)),
      isValid: (candidate) => contract.isValid(schema, candidate),
    }).bodies;
    // A cursor is a token the server issued: not a property to fill.
    const { cursor: _cursor, ...base } = (generated ?? {}) as Record<string, unknown>;
    const path = concretePath(contract, target);
    return propertyPaths(schema, base).flatMap((property) =>
      VALUES_BY_TYPE.map(([type, value]) => {
        const body = withValueAt(base, property.path, value);
        return {
          name: `${nameOf(target)} ${property.path.join('.')} as ${type}`,
          method: target.method,
          path,
          body,
          // The validation pipe reads null in an optional property as absent (`@IsOptional()`).
          mustRefuse: !(value === null && property.optional) && !contract.isValid(schema, body),
          target,
        };
      }),
    );
  });
}

// Path parameter values no route expects: each must be a 4xx (or a read of nothing), never a 5xx.
const HOSTILE_PATH_VALUES: ReadonlyArray<readonly [string, () => string]> = [
  ['not a uuid', () => 'not-a-uuid'],
  ['a uuid of nothing', () => randomUUID()],
  ['a traversal', () => '..%2f..%2fetc%2fpasswd'],
  ['a very long value', () => 'a'.repeat(4000)],
  ['a NUL byte', () => 'abc%00def'],
  ['unicode', () => encodeURIComponent('été-😀-ع')],
];

/** Every operation with path parameters, each parameter set to each hostile value in turn. */
export function hostilePathRequests(contract: OpenApiContract): HostileRequest[] {
  const writes = new Set(jsonWriteOperations(contract).map(nameOf));
  return contract.operations().flatMap((target) => {
    const names = [...target.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
    if (names.length === 0) return [];
    const valid = concretePath(contract, target).split('/');
    const template = target.path.split('/');
    const schema = contract.requestSchema(target.operation);
    const [body] =
      writes.has(nameOf(target)) && schema
        ? generateBodies({
            schema,
            count: 1,
            seed: seedOf(nameOf(target)),
            isValid: (candidate) => contract.isValid(schema, candidate),
          }).bodies
        : [undefined];
    return names.flatMap((name) =>
      HOSTILE_PATH_VALUES.map(([label, value]) => ({
        name: `${nameOf(target)} ${name} as ${label}`,
        method: target.method,
        path: template
          .map((segment, index) => (segment === `{${name}}` ? value() : valid[index]))
          .join('/'),
        body,
        mustRefuse: false,
        target,
      })),
    );
  });
}

/** The file field of a multipart operation, as its schema names it (`file`). */
function fileFieldOf(target: ContractOperation): string | undefined {
  const schema = target.operation.requestBody?.content?.['multipart/form-data']?.schema;
  const properties = isRecord(schema) && isRecord(schema.properties) ? schema.properties : {};
  return Object.entries(properties).find(
    ([, property]) => isRecord(property) && property.format === 'binary',
  )?.[0];
}

/**
 * Every multipart upload sent wrong: no file, two files, the file under another name, an empty
 * file, JSON instead of multipart, a file of another type, a text field of 2 MB.
 */
export function multipartRequests(contract: OpenApiContract): HostileRequest[] {
  return contract.operations().flatMap((target) => {
    const field = fileFieldOf(target);
    if (!field) return [];
    const path = concretePath(contract, target);
    const csv = Buffer.from('prenom,nom\r\nAmina,Benzakour\r\n');
    const file = { name: field, filename: 'list.csv', contentType: 'text/csv', data: csv };
    const bodies: Array<readonly [string, { contentType: string; payload: Buffer }]> = [
      ['no file', multipartBody([{ name: 'note', data: 'no file here' }])],
      ['no part at all', multipartBody([])],
      ['two files', multipartBody([file, { ...file, filename: 'again.csv' }])],
      ['the file under another name', multipartBody([{ ...file, name: 'upload' }])],
      ['an empty file', multipartBody([{ ...file, data: Buffer.alloc(0) }])],
      [
        'a file of another type',
        multipartBody([{ ...file, filename: 'photo.png', contentType: 'image/png', data: csv }]),
      ],
      ['a text field of 2 MB', multipartBody([file, { name: 'note', data: 'x'.repeat(2 << 20) }])],
      [
        'JSON instead of multipart',
        { contentType: 'application/json', payload: Buffer.from('{"file":"list.csv"}') },
      ],
    ];
    return bodies.map(([label, raw]) => ({
      name: `${nameOf(target)} with ${label}`,
      method: target.method,
      path,
      raw,
      mustRefuse: true,
      target,
    }));
  });
}
