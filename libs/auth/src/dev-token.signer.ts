import { sign } from 'jsonwebtoken';
import type { Role } from './principal';

/**
 * HS256 secret used when neither `--secret` nor `JWT_SECRET` is given. Public by design:
 * services must refuse to start with it when `NODE_ENV=production`.
 */
export const DEV_JWT_SECRET = 'dev-only-insecure-secret-change-me';

/** Input of {@link signDevToken}. */
export interface DevTokenInput {
  readonly sub: string;
  readonly org: string;
  readonly roles: readonly Role[];
  /** Defaults to {@link DEV_JWT_SECRET}. */
  readonly secret?: string;
  /** Lifetime in seconds; defaults to 8 hours. Negative values produce an already expired token. */
  readonly ttlSeconds?: number;
  readonly issuer?: string;
  readonly audience?: string;
}

const EIGHT_HOURS = 8 * 3600;

/** Signs an HS256 token accepted by `TokenVerifier` configured with the same secret (dev and tests only). */
export function signDevToken(input: DevTokenInput): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: input.sub,
    org: input.org,
    roles: [...input.roles],
    iat: now,
    exp: now + (input.ttlSeconds ?? EIGHT_HOURS),
    ...(input.issuer ? { iss: input.issuer } : {}),
    ...(input.audience ? { aud: input.audience } : {}),
  };
  return sign(claims, input.secret ?? DEV_JWT_SECRET, { algorithm: 'HS256' });
}
