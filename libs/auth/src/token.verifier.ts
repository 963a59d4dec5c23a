import { createSecretKey, type KeyObject } from 'node:crypto';
import {
  JsonWebTokenError,
  TokenExpiredError,
  decode,
  verify,
  type Algorithm,
  type Jwt,
  type JwtPayload,
} from 'jsonwebtoken';
import { JwksClient, JwksRateLimitError, SigningKeyNotFoundError } from 'jwks-rsa';
import { AuthError, AuthErrorCode } from './auth.errors';
import type { AuthOptions } from './auth.options';
import { isOrgCode, isRole, type Principal } from './principal';

// A UI sends the same token with every request until it expires: the principal of a verified token
// is remembered for a short while, so its signature is not checked on every request. Bounded in
// size, and in time so that a key withdrawn from the JWKS stops being honoured within a minute.
const VERIFIED_CACHE_SIZE = 1000;
const VERIFIED_CACHE_TTL_MS = 60_000;

type KeySource =
  | { readonly alg: 'HS256'; readonly secret: KeyObject }
  | { readonly alg: 'RS256'; readonly jwks: JwksClient };

/**
 * Verifies bearer tokens and turns their claims into a {@link Principal}.
 * Only the one configured algorithm is accepted, so `alg: none` and RS/HS confusion are impossible.
 */
export class TokenVerifier {
  private readonly keys: KeySource;
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  /** @throws Error when neither `jwksUrl` nor `jwtSecret` is set (fail fast at boot). */
  constructor(private readonly options: AuthOptions) {
    this.keys = keySourceFor(options);
  }

  /** The only algorithm this verifier accepts. */
  get algorithm(): Algorithm {
    return this.keys.alg;
  }

  /**
   * Verifies signature, `exp` and, when configured, `iss` and `aud`, then validates the claims.
   * @throws AuthError `AUTH_TOKEN_EXPIRED` or `AUTH_TOKEN_INVALID`.
   */
  async verify(token: string): Promise<Principal> {
    const now = Date.now();
    const remembered = this.verified.get(token);
    if (remembered && remembered.until > now) return remembered.principal;
    const header = decodeHeader(token);
    if (header.alg !== this.keys.alg) {
      throw invalid(`Only ${this.keys.alg} tokens are accepted`);
    }
    const key = await this.keyFor(header.kid);
    const payload = this.verifySignature(token, key);
    const principal = toPrincipal(payload);
    this.remember(
      token,
      principal,
      Math.min((payload.exp as number) * 1000, now + VERIFIED_CACHE_TTL_MS),
    );
    return principal;
  }

  private remember(token: string, principal: Principal, until: number): void {
    this.verified.delete(token);
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      // Maps iterate in insertion order: the first key is the least recently verified.
      this.verified.delete(this.verified.keys().next().value as string);
    }
    this.verified.set(token, { principal, until });
  }

  private async keyFor(kid: string | undefined): Promise<KeyObject | string> {
    if (this.keys.alg === 'HS256') {
      return this.keys.secret;
    }
    try {
      return (await this.keys.jwks.getSigningKey(kid)).getPublicKey();
    } catch (error) {
      // Unknown kids and throttled lookups are the caller's problem; an unreachable JWKS is ours (500).
      if (error instanceof SigningKeyNotFoundError || error instanceof JwksRateLimitError) {
        throw invalid('No matching signing key');
      }
      throw error;
    }
  }

  private verifySignature(token: string, key: KeyObject | string): JwtPayload {
    try {
      const payload = verify(token, key, {
        algorithms: [this.keys.alg],
        issuer: this.options.issuer,
        audience: this.options.audience,
        maxAge: this.options.maxTokenAgeSeconds,
      });
      if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
        throw invalid('Token payload is not a JSON object');
      }
      return payload;
    } catch (error) {
      // verify() only reads the token: whatever it throws (JSON.parse's SyntaxError or a TypeError
      // for a `null` payload, past a valid signature) is a bad token, never a 500.
      const known = toAuthError(error);
      throw known instanceof AuthError
        ? known
        : invalid('Token payload is not a JSON object', error);
    }
  }
}

function keySourceFor(options: AuthOptions): KeySource {
  if (options.jwksUrl) {
    return {
      alg: 'RS256',
      jwks: new JwksClient({
        jwksUri: options.jwksUrl,
        cache: true,
        cacheMaxAge: 10 * 60_000,
        rateLimit: true,
        jwksRequestsPerMinute: 10,
        timeout: 5_000,
      }),
    };
  }
  if (options.jwtSecret) {
    // A KeyObject built once: given a string, jsonwebtoken first tries (and fails) to parse it as a
    // public key on every request, which was a tenth of the API's CPU.
    return { alg: 'HS256', secret: createSecretKey(Buffer.from(options.jwtSecret, 'utf8')) };
  }
  throw new Error('AuthOptions needs either jwksUrl (RS256) or jwtSecret (HS256)');
}

function decodeHeader(token: string): { alg?: unknown; kid?: string } {
  let decoded: Jwt | null;
  try {
    decoded = decode(token, { complete: true });
  } catch (error) {
    // With `typ: JWT` the payload is JSON-parsed here, unguarded.
    throw invalid('Token is not a JWT', error);
  }
  if (!decoded) {
    throw invalid('Token is not a JWT');
  }
  const kid = decoded.header.kid;
  return { alg: decoded.header.alg, kid: typeof kid === 'string' ? kid : undefined };
}

function toAuthError(error: unknown): unknown {
  if (error instanceof AuthError) {
    return error;
  }
  // TokenExpiredError extends JsonWebTokenError, so it must be checked first.
  if (error instanceof TokenExpiredError) {
    return new AuthError(AuthErrorCode.AUTH_TOKEN_EXPIRED, { cause: error });
  }
  if (error instanceof JsonWebTokenError) {
    return invalid(error.message, error);
  }
  return error;
}

/** Keeps only the claims we trust, so extra token claims never leak into the app. */
function toPrincipal(payload: JwtPayload): Principal {
  // jsonwebtoken checks exp only when present; a token without it would never expire.
  if (typeof payload.exp !== 'number') {
    throw invalid('Claim exp is required');
  }
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '') {
    throw invalid('Claim sub must be a non-empty string');
  }
  if (!isOrgCode(payload['org'])) {
    throw invalid('Claim org must be an institution code');
  }
  return { sub: payload.sub, org: payload['org'], roles: toRoles(payload['roles']) };
}

function toRoles(value: unknown): Principal['roles'] {
  if (!Array.isArray(value) || value.length === 0) {
    throw invalid('Claim roles must be a non-empty array');
  }
  if (!value.every(isRole)) {
    throw invalid('Claim roles contains an unknown role');
  }
  return [...new Set(value)];
}

function invalid(detail: string, cause?: unknown): AuthError {
  return new AuthError(AuthErrorCode.AUTH_TOKEN_INVALID, { detail, cause });
}
