import { validateSync } from 'class-validator';
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
