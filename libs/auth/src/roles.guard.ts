import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthError, AuthErrorCode } from './auth.errors';
import type { Principal, Role } from './principal';
import { getRequestPrincipal } from './principal.request';
import { isPublic } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';

/**
 * Enforces `@Roles(...)` on HTTP handlers; runs after {@link JwtAuthGuard}.
 * Non-HTTP contexts and `@Public()` handlers pass untouched.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http' || isPublic(this.reflector, context)) {
      return true;
    }
    const principal = getRequestPrincipal(context.switchToHttp().getRequest<object>());
    // Fail closed if the authentication guard did not run first.
    if (!principal) {
      throw new AuthError(AuthErrorCode.AUTH_TOKEN_MISSING);
    }
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (required && !hasAnyRole(principal, required)) {
      throw new AuthError(AuthErrorCode.AUTH_FORBIDDEN, {
        detail: `Requires one of the roles: ${required.join(', ')}`,
      });
    }
    return true;
  }
}

/** True when `principal` is an admin or holds at least one of `roles`. */
export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((role) => role === 'admin' || roles.includes(role));
}
