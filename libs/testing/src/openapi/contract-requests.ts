import type { Test } from 'supertest';
import { generateBodies } from './body-generator';
import type { ContractOperation, OpenApiContract } from './openapi-contract';

/** A stable seed per operation, so that a failure can be replayed. */
export function seedOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

/** The write operations (POST, PUT, PATCH) that take a JSON body; multipart ones do not. */
export function jsonWriteOperations(contract: OpenApiContract): ContractOperation[] {
  return contract
    .operations()
    .filter(
      ({ method, operation }) =>
        ['post', 'put', 'patch'].includes(method) &&
        contract.requestSchema(operation) !== undefined,
    );
}

/** The operation's path with each `{parameter}` replaced by a value generated from its schema. */
export function concretePath(contract: OpenApiContract, { path, operation }: ContractOperation) {
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const parameter = operation.parameters?.find((p) => p.in === 'path' && p.name === name);
    if (!parameter?.schema) throw new Error(`${path}: path parameter ${name} is not declared`);
    const schema = contract.jsonSchema(parameter.schema);
    const [value] = generateBodies({
      schema,
      count: 1,
      seed: seedOf(`${path}:${name}`),
      isValid: (candidate) => contract.isValid(schema, candidate),
    }).bodies;
    return encodeURIComponent(String(value));
  });
}

/** Sets each required header parameter to the example the document gives for it. */
export function withRequiredHeaders(request: Test, { path, operation }: ContractOperation): Test {
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in !== 'header' || !parameter.required) continue;
    const example = (parameter.schema as { example?: unknown } | undefined)?.example;
    if (typeof example !== 'string') {
      throw new Error(`${path}: required header ${parameter.name} has no example`);
    }
    void request.set(parameter.name, example);
  }
  return request;
}
