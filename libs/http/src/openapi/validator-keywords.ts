import type { SchemaObject } from '@nestjs/swagger';
import type { ValidationMetadata } from './validated-classes';

type Keywords = (constraints: readonly unknown[]) => SchemaObject;

const patternOf = (pattern: unknown): string =>
  pattern instanceof RegExp ? pattern.source : String(pattern);

// validator.js's UUID forms, without its `i` flag (JSON Schema patterns have no flags).
const HEX = '[0-9a-fA-F]';
const uuidPattern = (version: string): string =>
  `^${HEX}{8}-${HEX}{4}-${version}${HEX}{3}-[89abAB]${HEX}{3}-${HEX}{12}$`;

function uuidKeywords(version: unknown): SchemaObject {
  if (typeof version === 'string' && /^[1-8]$/.test(version)) {
    return { type: 'string', format: 'uuid', pattern: uuidPattern(version) };
  }
  if (version !== undefined && version !== 'all') return { type: 'string', format: 'uuid' };
  const nilOrMax = '|0{8}-0{4}-0{4}-0{4}-0{12}|[fF]{8}-[fF]{4}-[fF]{4}-[fF]{4}-[fF]{12}';
  return {
    type: 'string',
    format: 'uuid',
    pattern: `^(${uuidPattern('[1-8]').slice(1, -1)}${nilOrMax})$`,
  };
}

function enumOf(values: readonly unknown[]): SchemaObject {
  const types = new Set(values.map((value) => typeof value));
  const type = types.size === 1 && types.has('number') ? 'number' : 'string';
  return { type, enum: [...values] };
}

// The OpenAPI keywords that state each class-validator built-in used on request DTOs. A built-in
// that is missing here makes `describeValidatedClasses` throw, so none is dropped silently.
const BUILT_INS: Record<string, Keywords> = {
  isString: () => ({ type: 'string' }),
  isBoolean: () => ({ type: 'boolean' }),
  isInt: () => ({ type: 'integer' }),
  isNumber: () => ({ type: 'number' }),
  isArray: () => ({ type: 'array' }),
  isUuid: ([version]) => uuidKeywords(version),
  isIn: ([values]) => enumOf(values as unknown[]),
  isEnum: ([entity]) => enumOf(Object.values(entity as object)),
  matches: ([pattern]) => ({ type: 'string', pattern: patternOf(pattern) }),
  minLength: ([min]) => ({ type: 'string', minLength: min as number }),
  maxLength: ([max]) => ({ type: 'string', maxLength: max as number }),
  isLength: ([min, max]) => ({
    type: 'string',
    minLength: min as number,
    maxLength: max as number,
  }),
  isNotEmpty: () => ({ minLength: 1 }),
  min: ([min]) => ({ minimum: min as number }),
  max: ([max]) => ({ maximum: max as number }),
  isPositive: () => ({ exclusiveMinimum: true, minimum: 0 }),
  arrayMinSize: ([min]) => ({ type: 'array', minItems: min as number }),
  arrayMaxSize: ([max]) => ({ type: 'array', maxItems: max as number }),
  arrayNotEmpty: () => ({ type: 'array', minItems: 1 }),
  arrayUnique: () => ({ type: 'array', uniqueItems: true }),
  isIso8601: () => ({ type: 'string', format: 'date-time' }),
  isDateString: () => ({ type: 'string', format: 'date-time' }),
  isEmail: () => ({ type: 'string', format: 'email' }),
  // class-validator wants a host with a top-level domain, which `format: uri` alone does not say.
  isUrl: () => ({
    type: 'string',
    format: 'uri',
    pattern:
      '^https?://([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}(:[0-9]{1,4})?(/[A-Za-z0-9._~/-]*)?$',
  }),
  isObject: () => ({ type: 'object' }),
};

/** The keywords of a built-in rule, or undefined when `name` is not a built-in. */
export function builtInKeywords(metadata: ValidationMetadata): SchemaObject | undefined {
  const keywords = metadata.name === undefined ? undefined : BUILT_INS[metadata.name];
  return keywords?.(metadata.constraints ?? []);
}
