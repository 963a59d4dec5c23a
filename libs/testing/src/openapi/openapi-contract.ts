import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { toJsonSchema, type JsonSchema } from './openapi-json-schema';
import { PLATFORM_FORMATS } from './platform-formats';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
export type HttpMethod = (typeof METHODS)[number];

interface MediaType {
  readonly schema?: unknown;
}

export interface OperationObject {
  readonly parameters?: Array<{ name: string; in: string; required?: boolean; schema?: unknown }>;
  readonly requestBody?: { content?: Record<string, MediaType> };
  readonly responses: Record<string, { content?: Record<string, MediaType> }>;
}

export interface OpenApiDocument {
  readonly paths: Record<string, Partial<Record<HttpMethod, OperationObject>>>;
  readonly components?: unknown;
}

export interface ContractOperation {
  readonly method: HttpMethod;
  /** As in the document: `/api/v1/beneficiaries/{id}`. */
  readonly path: string;
  readonly operation: OperationObject;
}

/** A service's published OpenAPI document, to check requests and answers against. */
export class OpenApiContract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    for (const [name, format] of Object.entries(PLATFORM_FORMATS)) {
      this.ajv.addFormat(name, { type: 'string', validate: format.validate });
    }
  }

  operations(): ContractOperation[] {
    return Object.entries(this.document.paths).flatMap(([path, item]) =>
      METHODS.flatMap((method) => {
        const operation = item[method];
        return operation ? [{ method, path, operation }] : [];
      }),
    );
  }

  operation(method: HttpMethod, path: string): OperationObject {
    const operation = this.document.paths[path]?.[method];
    if (!operation) throw new Error(`The document has no ${method.toUpperCase()} ${path}`);
    return operation;
  }

  /** The operation's `application/json` body schema as JSON Schema, if it takes one. */
  requestSchema(operation: OperationObject): JsonSchema | undefined {
    const schema = operation.requestBody?.content?.['application/json']?.schema;
    return schema === undefined ? undefined : toJsonSchema(schema, this.document);
  }

  /** A JSON Schema converted from the document, e.g. a parameter's. */
  jsonSchema(schema: unknown): JsonSchema {
    return toJsonSchema(schema, this.document);
  }

  isValid(schema: JsonSchema, value: unknown): boolean {
    return this.validatorOf(schema)(value);
  }

  /** What is wrong with an answer given its declared schema; `[]` when it matches. */
  responseProblems(input: {
    method: HttpMethod;
    path: string;
    status: number;
    body: unknown;
  }): string[] {
    const response = this.operation(input.method, input.path).responses[String(input.status)];
    if (!response) return [`status ${input.status} is not documented`];
    const media = Object.values(response.content ?? {})[0];
    if (!media?.schema) return [];
    const validate = this.validatorOf(toJsonSchema(media.schema, this.document));
    if (validate(input.body)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
  }

  private validatorOf(schema: JsonSchema): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (!validate) this.validators.set(key, (validate = this.ajv.compile(schema)));
    return validate;
  }
}
