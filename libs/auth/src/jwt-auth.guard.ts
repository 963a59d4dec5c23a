import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthError, AuthErrorCode } from './auth.errors';
import { setRequestPrincipal, type AuthRequest } from './principal.request';
import { isPublic } from './public.decorator';
import { TokenVerifier } from './token.verifier';

const BEARER = /^Bearer[ ]+([^ ]+)[ ]*$/i;

/**
 * Authenticates HTTP requests from `Authorization: Bearer <jwt>` and attaches the principal.
 * Non-HTTP contexts (JetStream handlers) pass untouched: their trust comes from NATS credentials.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http' || isPublic(this.reflector, context)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<AuthRequest>();
    const principal = await this.verifier.verify(bearerToken(request));
    setRequestPrincipal(request, principal);
    return true;
  }
}

function bearerToken(request: AuthRequest): string {
  const header = request.headers['authorization'];
  if (header === undefined || header === '') {
    throw new AuthError(AuthErrorCode.AUTH_TOKEN_MISSING);
  }
  const match = typeof header === 'string' ? BEARER.exec(header) : null;
  if (!match) {
    throw new AuthError(AuthErrorCode.AUTH_TOKEN_INVALID, {
      detail: 'Authorization header must be "Bearer <token>"',
    });
  }
  return match[1];
}
