/** The subset of JSON Schema (draft-07, AsyncAPI's default schema format) the generator emits. */
export interface JsonSchema {
  title?: string;
  description?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  const?: string;
  enum?: ReadonlyArray<string | number>;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean;
  examples?: unknown[];
}

// Keys in the order a reader expects them; the Record type makes the list cover every key.
const SCHEMA_KEYS: Record<keyof JsonSchema, true> = {
  title: true,
  description: true,
  type: true,
  format: true,
  const: true,
  enum: true,
  pattern: true,
  minLength: true,
  maxLength: true,
  minimum: true,
  exclusiveMinimum: true,
  maximum: true,
  items: true,
  minItems: true,
  maxItems: true,
  uniqueItems: true,
  required: true,
  properties: true,
  additionalProperties: true,
  examples: true,
};
const KEY_ORDER = Object.keys(SCHEMA_KEYS) as Array<keyof JsonSchema>;

/** A copy of `schema` with its keys in a stable, readable order (nested schemas too). */
export function orderSchemaKeys(schema: JsonSchema): JsonSchema {
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) {
    const value = schema[key];
    if (value === undefined) continue;
    if (key === 'items') {
      ordered[key] = orderSchemaKeys(value as JsonSchema);
    } else if (key === 'properties') {
      ordered[key] = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([name, property]) => [
          name,
          orderSchemaKeys(property),
        ]),
      );
    } else {
      ordered[key] = value;
    }
  }
  return ordered;
}
