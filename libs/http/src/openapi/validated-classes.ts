import { getMetadataStorage, ValidationTypes, type MetadataStorage } from 'class-validator';

export type ValidationMetadata = ReturnType<
  MetadataStorage['getTargetValidationMetadatas']
>[number];

/** One validated property: its rules, and whether it may be absent. */
export interface ValidatedProperty {
  readonly name: string;
  readonly rules: readonly ValidationMetadata[];
  /** `@IsOptional()` or `@ValidateIf()`: the rules run only when the value is given. */
  readonly optional: boolean;
  /** `@ValidateNested()`: the value is an object (or objects) checked by its own class. */
  readonly nested: boolean;
}

/** Every class that class-validator knows, e.g. the DTOs of the routes and their nested parts. */
export function validatedClasses(): Function[] {
  // class-validator exposes no list of its targets; this map is where `addValidationMetadata` puts them.
  const targets = (getMetadataStorage() as unknown as { validationMetadatas?: unknown })
    .validationMetadatas;
  if (!(targets instanceof Map)) {
    throw new Error(
      'class-validator no longer keeps validationMetadatas: update validated-classes.ts',
    );
  }
  return [...(targets.keys() as IterableIterator<Function>)];
}

/** The validated properties of a class, its parents' included. */
export function validatedPropertiesOf(target: Function): ValidatedProperty[] {
  const all = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  const byName = new Map<string, ValidationMetadata[]>();
  for (const metadata of all) {
    byName.set(metadata.propertyName, [...(byName.get(metadata.propertyName) ?? []), metadata]);
  }
  return [...byName].map(([name, rules]) => ({
    name,
    rules,
    optional: rules.some((rule) => rule.type === ValidationTypes.CONDITIONAL_VALIDATION),
    nested: rules.some((rule) => rule.type === ValidationTypes.NESTED_VALIDATION),
  }));
}
