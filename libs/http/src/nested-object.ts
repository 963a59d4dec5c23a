import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateIf, ValidateNested } from 'class-validator';

/**
 * A property holding an object checked by its own class, or with `each` an array of such objects.
 * `@ValidateNested()` alone takes an array where an object belongs and checks its items instead,
 * so the code that reads the property meets a shape its type does not allow.
 *
 * `optional` lets the property be left out, never null: `@IsOptional()` would let a null through
 * to code that reads the object's members.
 */
export function NestedObject(
  type: () => Function,
  options: { readonly each?: boolean; readonly optional?: boolean } = {},
): PropertyDecorator {
  const each = options.each ?? false;
  return applyDecorators(
    ...(options.optional ? [ValidateIf((_object, value) => value !== undefined)] : []),
    IsObject({ each }),
    ValidateNested({ each }),
    Type(type),
  );
}
