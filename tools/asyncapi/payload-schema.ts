import type { PayloadClass } from '@mrm/contracts';
import { getMetadataStorage } from 'class-validator';
import { type JsonSchema, orderSchemaKeys } from './json-schema';

type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];

/** Looks up the TSDoc of a payload property: `(payload class name, property name)`. */
export type PropertyDescriber = (payloadClass: string, property: string) => string | undefined;

interface RuleContext {
  readonly property: string;
  readonly constraints: readonly unknown[];
}

type Rule = (schema: JsonSchema, context: RuleContext) => void;

// Fields named `…On` carry a calendar date (`enteredOn`), all other ISO-8601 fields an instant
// (`registeredAt`): class-validator's IsISO8601 accepts both, so the name states the intent.
const isoFormat: Rule = (schema, { property }) => {
  schema.type = 'string';
  schema.format = /On$/.test(property) ? 'date' : 'date-time';
};

function regexSource(pattern: unknown, modifiers: unknown, property: string): string {
  const flags =
    pattern instanceof RegExp ? pattern.flags : typeof modifiers === 'string' ? modifiers : '';
  if (flags.replace(/[gu]/g, '') !== '') {
    throw new Error(
      `@Matches on "${property}" uses flags "${flags}", which JSON Schema cannot express`,
    );
  }
  return pattern instanceof RegExp ? pattern.source : String(pattern);
}

function enumType(values: readonly unknown[]): JsonSchema['type'] {
  if (values.every((value) => typeof value === 'string')) return 'string';
  if (values.every((value) => Number.isInteger(value))) return 'integer';
  if (values.every((value) => typeof value === 'number')) return 'number';
  return undefined;
}

/** class-validator constraint name → how it narrows the JSON Schema. */
const RULES: Readonly<Record<string, Rule>> = {
  isString: (schema) => (schema.type = 'string'),
  isInt: (schema) => (schema.type = 'integer'),
  isNumber: (schema) => (schema.type = 'number'),
  isBoolean: (schema) => (schema.type = 'boolean'),
  isArray: (schema) => (schema.type = 'array'),
  isIn: (schema, { constraints }) => {
    const values = constraints[0] as ReadonlyArray<string | number>;
    schema.enum = [...values];
    schema.type ??= enumType(values);
  },
  isEnum: (schema, { constraints }) => {
    const entity = constraints[0] as Record<string, string | number>;
    // Numeric TypeScript enums map values back to names; keep only the real members.
    const values = Object.keys(entity)
      .filter((key) => !/^\d+$/.test(key))
      .map((key) => entity[key]);
    schema.enum = values;
    schema.type ??= enumType(values);
  },
  matches: (schema, { constraints, property }) => {
    schema.type ??= 'string';
    schema.pattern = regexSource(constraints[0], constraints[1], property);
  },
  isUuid: (schema) => {
    schema.type = 'string';
    schema.format = 'uuid';
  },
  isIso8601: isoFormat,
  isDateString: isoFormat,
  isEmail: (schema) => {
    schema.type = 'string';
    schema.format = 'email';
  },
  isUrl: (schema) => {
    schema.type = 'string';
    schema.format = 'uri';
  },
  isNotEmpty: (schema) => (schema.minLength ??= 1),
  minLength: (schema, { constraints }) => (schema.minLength = constraints[0] as number),
  maxLength: (schema, { constraints }) => (schema.maxLength = constraints[0] as number),
  isLength: (schema, { constraints }) => {
    schema.minLength = constraints[0] as number;
    if (typeof constraints[1] === 'number') schema.maxLength = constraints[1];
  },
  min: (schema, { constraints }) => (schema.minimum = constraints[0] as number),
  max: (schema, { constraints }) => (schema.maximum = constraints[0] as number),
  isPositive: (schema) => (schema.exclusiveMinimum = 0),
  arrayMinSize: (schema, { constraints }) => (schema.minItems = constraints[0] as number),
  arrayMaxSize: (schema, { constraints }) => (schema.maxItems = constraints[0] as number),
  arrayNotEmpty: (schema) => (schema.minItems = 1),
  arrayUnique: (schema) => (schema.uniqueItems = true),
};

/** Payload classes from the base class down, so inherited fields come first. */
function classChain(payload: PayloadClass<object>): Array<PayloadClass<object>> {
  const chain: Array<PayloadClass<object>> = [];
  let current: unknown = payload;
  while (typeof current === 'function' && current !== Function.prototype) {
    chain.unshift(current as PayloadClass<object>);
    current = Object.getPrototypeOf(current);
  }
  return chain;
}

function propertyOrder(
  payload: PayloadClass<object>,
  metadata: readonly ValidationMetadata[],
): string[] {
  const order: string[] = [];
  for (const target of classChain(payload)) {
    for (const entry of metadata) {
      if (entry.target === target && !order.includes(entry.propertyName)) {
        order.push(entry.propertyName);
      }
    }
  }
  return order;
}

function isOptional(entry: ValidationMetadata): boolean {
  // IsOptional and ValidateIf: the field may be absent.
  return entry.type === 'conditionalValidation';
}

function applyRule(schema: JsonSchema, entry: ValidationMetadata, className: string): void {
  const name = entry.name ?? entry.type;
  const rule = Object.hasOwn(RULES, name) ? RULES[name] : undefined;
  if (entry.type === 'isDefined') return;
  if (entry.type !== 'customValidation' || !rule) {
    throw new Error(
      `${className}.${entry.propertyName}: class-validator constraint "${name}" has no JSON Schema ` +
        'mapping; extend RULES in tools/asyncapi/payload-schema.ts',
    );
  }
  const context = { property: entry.propertyName, constraints: entry.constraints ?? [] };
  if (entry.each) {
    schema.type ??= 'array';
    schema.items ??= {};
    rule(schema.items, context);
  } else {
    rule(schema, context);
  }
}

/**
 * The JSON Schema of an event payload class, read from its class-validator decorators: what a
 * consumer's validation accepts. Unknown fields stay allowed, because a minor version may add
 * optional ones.
 */
export function payloadSchema(
  payload: PayloadClass<object>,
  describe?: PropertyDescriber,
): JsonSchema {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(payload, '', true, false);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const property of propertyOrder(payload, metadata)) {
    const entries = metadata.filter((entry) => entry.propertyName === property);
    const schema: JsonSchema = { description: describe?.(payload.name, property) };
    // class-validator stores a property's decorators bottom-up; apply them as written.
    for (const entry of [...entries].reverse()) {
      if (!isOptional(entry)) applyRule(schema, entry, payload.name);
    }
    properties[property] = orderSchemaKeys(schema);
    if (!entries.some(isOptional)) required.push(property);
  }
  return orderSchemaKeys({
    title: payload.name,
    type: 'object',
    required,
    properties,
    additionalProperties: true,
  });
}
