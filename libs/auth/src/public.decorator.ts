import { applyDecorators, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ApiSecurity } from '@nestjs/swagger';

export const IS_PUBLIC_KEY = 'mrm:auth:public';

/**
 * Skips authentication for a handler or controller (health, metrics, API docs); its OpenAPI
 * operations say so with an empty security requirement.
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC_KEY, true), ApiSecurity({}));

/** True when the handler or its controller is marked `@Public()`. */
export function isPublic(reflector: Reflector, context: ExecutionContext): boolean {
  const targets = [context.getHandler(), context.getClass()];
  return reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true;
}
