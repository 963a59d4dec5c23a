import type { SchemaObject } from '@nestjs/swagger';
import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

/** What a rule adds to the schema of the object that holds the validated property. */
export type ObjectSchemaOf = (
  property: string,
  constraints: readonly unknown[],
  optional: boolean,
) => SchemaObject;

export interface RuleDefinition {
  readonly name: string;
  readonly message: string;
  readonly test: (value: unknown, args: ValidationArguments) => boolean;
  /** What the rule accepts, as OpenAPI keywords; a function when it depends on the date. */
  readonly schema?: SchemaObject | (() => SchemaObject);
  readonly objectSchema?: ObjectSchemaOf;
}

interface RuleSchemas {
  readonly schema?: SchemaObject | (() => SchemaObject);
  readonly objectSchema?: ObjectSchemaOf;
}

const RULE_SCHEMAS = new Map<string, RuleSchemas>();

/**
 * Defines a class-validator rule together with the OpenAPI keywords that state it, so that the
 * published schema accepts nothing the validator refuses (see `describeValidatedClasses`).
 */
export function defineRule(
  definition: RuleDefinition,
): (options?: ValidationOptions & { constraints?: unknown[] }) => PropertyDecorator {
  const { name, message, test, schema, objectSchema } = definition;
  if (RULE_SCHEMAS.has(name)) throw new Error(`The rule ${name} is defined twice`);
  RULE_SCHEMAS.set(name, { schema, objectSchema });
  return ({ constraints, ...options } = {}) =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        constraints,
        options: { message, ...options },
        validator: { validate: test },
      });
}

/** The schema keywords of a rule made with `defineRule`, if any. */
export function ruleSchemaOf(name: string): SchemaObject | undefined {
  const schema = RULE_SCHEMAS.get(name)?.schema;
  return typeof schema === 'function' ? schema() : schema;
}

export function ruleObjectSchemaOf(name: string): ObjectSchemaOf | undefined {
  return RULE_SCHEMAS.get(name)?.objectSchema;
}
