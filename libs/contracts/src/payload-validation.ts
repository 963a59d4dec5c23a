import { validateSync, ValidationTypes, type ValidationArguments } from 'class-validator';
import type { ConstraintMetadata } from 'class-validator/types/metadata/ConstraintMetadata';
import type { MetadataStorage } from 'class-validator/types/metadata/MetadataStorage';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { EventDefinition } from './event-definition';

export interface PayloadViolation {
  readonly field: string;
  readonly message: string;
}

/**
 * Validates an event payload against its contract class. Unknown fields are tolerated (a newer
 * minor version may add optional ones); missing or ill-typed fields are violations.
 */
export function validatePayload<T extends object>(
  definition: EventDefinition<T>,
  data: unknown,
): { ok: true; value: T } | { ok: false; violations: PayloadViolation[] } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, violations: [{ field: '', message: 'payload must be a JSON object' }] };
  }
  // Contract payloads hold primitives and arrays of primitives only (STYLE.md §4.4.8), so an
  // instance is the data with the class's prototype: no class-transformer walk per event.
  const instance = Object.assign(Object.create(definition.payload.prototype as object) as T, data);
  // Fast path for the common case, a valid event: the contract's own constraints, without
  // class-validator's executor (its error objects and metadata look-ups cost more than the checks).
  // Anything else takes the full validation below, so violations are exactly class-validator's.
  if (checkerOf(definition.payload)?.(instance) === true) {
    return { ok: true, value: instance };
  }
  const errors = validateSync(instance, { whitelist: false, forbidUnknownValues: true });
  if (errors.length === 0) {
    return { ok: true, value: instance };
  }
  const violations: PayloadViolation[] = [];
  const walk = (list: typeof errors, path: string): void => {
    for (const error of list) {
      const field = path ? `${path}.${error.property}` : error.property;
      for (const message of Object.values(error.constraints ?? {})) {
        violations.push({ field, message });
      }
      walk(error.children ?? [], field);
    }
  };
  walk(errors, '');
  return { ok: false, violations };
}

/** True when every constraint holds; undefined when the fast path cannot tell (use the full one). */
type Checker = (instance: object) => true | undefined;

interface PropertyCheck {
  readonly property: string;
  /** `@IsOptional()` and `@ValidateIf()`: the property is validated only when all hold. */
  readonly conditions: ReadonlyArray<(object: object, value: unknown) => boolean>;
  readonly validations: ReadonlyArray<{
    readonly metadata: ValidationMetadata;
    /** `validate` of each constraint instance (class-validator's container; `useContainer` is not used). */
    readonly validators: ReadonlyArray<(value: unknown, args: ValidationArguments) => unknown>;
  }>;
}

const checkers = new WeakMap<object, Checker | null>();

function checkerOf(payload: object): Checker | undefined {
  let checker = checkers.get(payload);
  if (checker === undefined) {
    checker = compileChecker(payload);
    checkers.set(payload, checker);
  }
  return checker ?? undefined;
}

/**
 * The checks `validateSync(instance, { forbidUnknownValues: true })` runs for instances of
 * `payload` (same metadata query, same constraint instances, async ones skipped as validateSync
 * does), or null when the class uses something this does not reproduce (nested or promise
 * validation, no metadata at all).
 */
function compileChecker(payload: object): Checker | null {
  const storage = (globalThis as { classValidatorMetadataStorage?: MetadataStorage })
    .classValidatorMetadataStorage;
  if (!storage || typeof payload !== 'function') return null;
  // The query ValidationExecutor makes: no schema, `always` and `strictGroups` off, no groups.
  const metadatas = storage.getTargetValidationMetadatas(
    payload,
    undefined as unknown as string,
    false,
    false,
  );
  if (metadatas.length === 0) return null;
  const checks: PropertyCheck[] = [];
  for (const [property, group] of Object.entries(storage.groupByPropertyName(metadatas))) {
    const conditions: PropertyCheck['conditions'][number][] = [];
    const validations: Array<PropertyCheck['validations'][number]> = [];
    for (const metadata of group) {
      switch (metadata.type) {
        case ValidationTypes.CONDITIONAL_VALIDATION:
          conditions.push(metadata.constraints[0] as (object: object, value: unknown) => boolean);
          break;
        case ValidationTypes.IS_DEFINED:
        case ValidationTypes.CUSTOM_VALIDATION:
          validations.push({
            metadata,
            validators: storage
              .getTargetValidatorConstraints(metadata.constraintCls)
              .filter((constraint: ConstraintMetadata) => !constraint.async)
              .map((constraint: ConstraintMetadata) => {
                const validator = constraint.instance;
                return (value: unknown, args: ValidationArguments) =>
                  validator.validate(value, args);
              }),
          });
          break;
        case ValidationTypes.WHITELIST:
          break;
        default:
          return null;
      }
    }
    checks.push({ property, conditions, validations });
  }
  const targetName = (payload as { name?: string }).name;
  return (instance) => {
    // class-validator finds the metadata through `constructor`, which the data could shadow.
    if ((instance as { constructor?: unknown }).constructor !== payload) return undefined;
    for (const check of checks) {
      const value: unknown = (instance as Record<string, unknown>)[check.property];
      if (!check.conditions.every((condition) => condition(instance, value))) continue;
      for (const { metadata, validators } of check.validations) {
        if (metadata.validateIf && !metadata.validateIf(instance, value)) continue;
        if (metadata.each && (value instanceof Set || value instanceof Map)) return undefined;
        const args: ValidationArguments = {
          targetName: targetName as string,
          property: metadata.propertyName,
          object: instance,
          value,
          constraints: metadata.constraints,
        };
        for (const validate of validators) {
          const valid =
            metadata.each && Array.isArray(value)
              ? value.every((item) => isTrue(validate(item, args)))
              : isTrue(validate(value, args));
          if (!valid) return undefined;
        }
      }
    }
    return true;
  };
}

// A promise (async validator) is not a verdict here: the full validation decides.
function isTrue(result: unknown): boolean {
  return !!result && typeof (result as Promise<unknown>).then !== 'function';
}
