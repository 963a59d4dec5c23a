import { ApiProperty, DECORATORS, type SchemaObject } from '@nestjs/swagger';
import { ValidationTypes } from 'class-validator';
import { ruleObjectSchemaOf, ruleSchemaOf } from './schema-rule';
import {
  validatedClasses,
  validatedPropertiesOf,
  type ValidatedProperty,
  type ValidationMetadata,
} from './validated-classes';
import { builtInKeywords } from './validator-keywords';

// Rule types that shape presence or nesting rather than the value: read by `describeProperty`.
const STRUCTURAL: readonly string[] = [
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.NESTED_VALIDATION,
  ValidationTypes.WHITELIST,
  ValidationTypes.IS_DEFINED,
];

function keywordsOf(rule: ValidationMetadata): SchemaObject | undefined {
  return builtInKeywords(rule) ?? (rule.name ? ruleSchemaOf(rule.name) : undefined);
}

/** The property's own keywords and its items' keywords (rules with `each: true`). */
function describeProperty(property: ValidatedProperty, unstated: string[]): SchemaObject {
  let own: SchemaObject = {};
  let items: SchemaObject = {};
  for (const rule of property.rules) {
    if (STRUCTURAL.includes(rule.type)) continue;
    const keywords = keywordsOf(rule);
    if (!keywords) {
      if (!rule.name || !ruleObjectSchemaOf(rule.name)) {
        unstated.push(`${property.name}: ${rule.name}`);
      }
    } else if (rule.each) {
      items = { ...items, ...keywords };
    } else {
      own = { ...own, ...keywords };
    }
  }
  // Nested items are described by their class ($ref); `IsObject({ each: true })` adds nothing.
  if (property.nested) delete items.type;
  if (Object.keys(items).length > 0) own = { ...own, type: 'array', items };
  return own;
}

function objectSchemasOf(property: ValidatedProperty): SchemaObject[] {
  return property.rules.flatMap((rule) => {
    const objectSchema = rule.name ? ruleObjectSchemaOf(rule.name) : undefined;
    return objectSchema
      ? [objectSchema(property.name, rule.constraints ?? [], property.optional)]
      : [];
  });
}

/** Describes one class; returns its rules that no keyword states, as `Class.property: rule`. */
function describeClass(target: Function): string[] {
  const unstated: string[] = [];
  const objectSchemas: SchemaObject[] = [];
  for (const property of validatedPropertiesOf(target)) {
    const existing = Reflect.getMetadata(
      DECORATORS.API_MODEL_PROPERTIES,
      target.prototype as object,
      property.name,
    ) as SchemaObject | undefined;
    const keywords = describeProperty(property, unstated);
    const required = property.optional ? false : ((existing?.required as unknown) ?? true);
    if (property.nested) delete keywords.type;
    ApiProperty({ ...keywords, required } as never)(target.prototype as object, property.name);
    objectSchemas.push(...objectSchemasOf(property));
  }
  // forbidNonWhitelisted refuses any property without a rule; read by swagger as schema keywords.
  const extensions = Reflect.getOwnMetadata(DECORATORS.API_EXTENSION, target) as object | undefined;
  Reflect.defineMetadata(
    DECORATORS.API_EXTENSION,
    { ...extensions, ...objectKeywords(objectSchemas), additionalProperties: false },
    target,
  );
  return unstated.map((rule) => `${target.name}.${rule}`);
}

function objectKeywords(schemas: SchemaObject[]): SchemaObject {
  return schemas.length > 1 ? { allOf: schemas } : (schemas[0] ?? {});
}

/**
 * Writes what the class-validator rules of every validated class accept into its `@ApiProperty`
 * metadata, so that the schema states each rule; returns the rules that no keyword states.
 */
export function describeValidatedClasses(): string[] {
  return validatedClasses().flatMap(describeClass);
}
