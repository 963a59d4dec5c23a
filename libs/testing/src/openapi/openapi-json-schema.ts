export type JsonSchema = Record<string, unknown>;

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** OpenAPI 3.0's `nullable` as JSON Schema: a null type next to the declared one. */
function withNull(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === 'string' && !('allOf' in schema)) {
    return { ...schema, type: [schema.type, 'null'] };
  }
  return { anyOf: [schema, { type: 'null' }] };
}

function convertNode(node: unknown, components: JsonSchema): unknown {
  if (Array.isArray(node)) return node.map((item) => convertNode(item, components));
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') {
    return convertNode(components[node.$ref.split('/').pop() ?? ''], components);
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'example') continue;
    out[key] =
      key === 'properties' && isObject(value)
        ? Object.fromEntries(
            Object.entries(value).map(([name, schema]) => [name, convertNode(schema, components)]),
          )
        : convertNode(value, components);
  }
  // OpenAPI 3.0 writes an exclusive bound as a boolean next to it; JSON Schema as the bound.
  if (out.exclusiveMinimum === true) {
    out.exclusiveMinimum = out.minimum;
    delete out.minimum;
  }
  return node.nullable === true ? withNull(out) : out;
}

/**
 * An OpenAPI 3.0 schema as plain JSON Schema, for ajv and json-schema-faker: `$ref`s to
 * `components.schemas` inlined (the services' DTOs do not nest recursively) and `nullable`
 * turned into a null type.
 */
export function toJsonSchema(schema: unknown, document: { components?: unknown }): JsonSchema {
  const components = isObject(document.components) ? document.components.schemas : undefined;
  return convertNode(schema, isObject(components) ? components : {}) as JsonSchema;
}
