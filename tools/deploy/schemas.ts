import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A JSON schema node as vendored (OpenAPI v2 definitions and CRD openAPIV3Schema). */
type SchemaNode = { [key: string]: unknown };

export const SCHEMA_DIR = join(__dirname, '..', '..', 'deploy', 'schemas');

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as T;
}

/**
 * Rewrites a vendored schema the way the API server reads objects: IntOrString and Quantity take
 * numbers too, and an object with declared properties refuses unknown ones (the API server would
 * drop or reject them; kubeconform calls this --strict). Nodes marked
 * x-kubernetes-preserve-unknown-fields keep accepting anything.
 */
export function tighten(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tighten);
  if (!node || typeof node !== 'object') return node;
  const source = node as SchemaNode;
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(source)) out[key] = tighten(value);
  if (source.format === 'int-or-string' || source['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    delete out.format;
    delete out.anyOf;
    out.type = ['string', 'integer'];
  }
  if (source.properties && source.additionalProperties === undefined) {
    if (source['x-kubernetes-preserve-unknown-fields'] !== true) out.additionalProperties = false;
  }
  return out;
}

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

/**
 * CRD patterns are Go RE2: `(?i)` at the start becomes the `i` flag; a pattern JavaScript still
 * cannot compile is not checked (the API server checks it) rather than failing every render.
 */
function goRegExp(pattern: string, flags?: string): RegExp {
  const insensitive = pattern.startsWith('(?i)');
  const source = insensitive ? pattern.slice(4) : pattern;
  try {
    return new RegExp(source, `${flags ?? ''}${insensitive ? 'i' : ''}`);
  } catch {
    return /[^]*/;
  }
}

/** Validators by `apiVersion/kind`, compiled the first time a kind is met (most are never used). */
export class Validators {
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(
    private readonly ajv: Ajv,
    private readonly schemas: Map<string, SchemaNode>,
  ) {}

  get(kind: string): ValidateFunction | undefined {
    const schema = this.schemas.get(kind);
    if (!schema) return undefined;
    let validate = this.compiled.get(kind);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(kind, validate);
    }
    return validate;
  }
}

/** The validators of every kind `deploy:check` knows. */
export function loadValidators(): Validators {
  const ajv = new Ajv({
    strict: false,
    validateFormats: false,
    code: { regExp: goRegExp as never },
  });
  const schemas = new Map<string, SchemaNode>();

  const k8s = readJson<{ kinds: Record<string, string>; definitions: Record<string, SchemaNode> }>(
    'kubernetes.json',
  );
  const definitions = tighten(k8s.definitions) as Record<string, SchemaNode>;
  definitions[QUANTITY] = { type: ['string', 'number'] };
  ajv.addSchema({ $id: 'k8s', definitions });
  for (const [kind, definition] of Object.entries(k8s.kinds)) {
    schemas.set(kind, { $ref: `k8s#/definitions/${definition}` });
  }

  for (const file of ['cnpg-crds.json', 'monitoring-crds.json']) {
    for (const [kind, schema] of Object.entries(readJson<Record<string, SchemaNode>>(file))) {
      schemas.set(kind, tighten(schema) as SchemaNode);
    }
  }
  return new Validators(ajv, schemas);
}

/** The Compose specification's validator (draft-07, as vendored). */
export function loadComposeValidator(): ValidateFunction {
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  const schema = readJson<SchemaNode>('compose-spec.json');
  delete schema.$schema;
  return ajv.compile(schema);
}
