import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AuthError, AuthErrorCode } from './auth.errors';
import type { Principal } from './principal';
import { getRequestPrincipal } from './principal.request';

/**
 * Injects the authenticated {@link Principal} into an HTTP handler parameter.
 * Throws `AUTH_TOKEN_MISSING` on a `@Public()` handler, where no principal exists.
 */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = getRequestPrincipal(context.switchToHttp().getRequest<object>());
    if (!principal) {
      throw new AuthError(AuthErrorCode.AUTH_TOKEN_MISSING);
    }
    return principal;
  },
);
