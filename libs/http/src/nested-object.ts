import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';

/**
 * A property holding an object checked by its own class, or with `each` an array of such objects.
 * `@ValidateNested()` alone takes an array where an object belongs and checks its items instead,
 * so the code that reads the property meets a shape its type does not allow.
 */
export function NestedObject(
  type: () => Function,
  options: { readonly each?: boolean } = {},
): PropertyDecorator {
  const each = options.each ?? false;
  return applyDecorators(IsObject({ each }), ValidateNested({ each }), Type(type));
}
