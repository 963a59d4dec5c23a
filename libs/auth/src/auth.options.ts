/**
 * How tokens are verified. With `jwksUrl`, only RS256 tokens signed by a key of that JWKS are
 * accepted (production, OIDC provider); otherwise only HS256 tokens signed with `jwtSecret` (development).
 */
export interface AuthOptions {
  readonly jwtSecret?: string;
  readonly jwksUrl?: string;
  /** Required `iss` claim when set. */
  readonly issuer?: string;
  /** Required `aud` claim when set. */
  readonly audience?: string;
  /** When set, tokens issued (`iat`) longer ago than this are refused, whatever their `exp`. */
  readonly maxTokenAgeSeconds?: number;
}

/** Injection token of the {@link AuthOptions} given to `AuthModule`. */
export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
