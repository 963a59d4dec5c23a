import { SetMetadata } from '@nestjs/common';
import type { Role } from './principal';

export const ROLES_KEY = 'mrm:auth:roles';

/**
 * Restricts a handler or controller to principals holding at least one of `roles`; `admin` always
 * passes. A handler's `@Roles` replaces its controller's.
 */
export const Roles = (role: Role, ...more: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, [role, ...more]);
