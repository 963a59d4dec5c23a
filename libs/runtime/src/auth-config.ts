import { DEV_JWT_SECRET, type AuthOptions } from '@mrm/auth';
import type { ServiceConfig } from './service-config';

/**
 * True only when the environment says development or test explicitly: the public development
 * secret and keys are refused everywhere else, including where NODE_ENV was forgotten.
 */
export function isDevelopmentEnvironment(config: Pick<ServiceConfig, 'NODE_ENV'>): boolean {
  return config.NODE_ENV === 'development' || config.NODE_ENV === 'test';
}

type AuthConfig = Pick<
  ServiceConfig,
  | 'NODE_ENV'
  | 'JWT_SECRET'
  | 'JWT_JWKS_URL'
  | 'JWT_ISSUER'
  | 'JWT_AUDIENCE'
  | 'JWT_MAX_TOKEN_AGE_SECONDS'
>;

/**
 * How the service verifies tokens. Outside development and test: RS256 from an https JWKS, with an
 * issuer, an audience and a cap on token age, or the service refuses to start.
 */
export function authOptionsFrom(config: AuthConfig): AuthOptions {
  if (isDevelopmentEnvironment(config)) {
    return {
      jwksUrl: config.JWT_JWKS_URL,
      jwtSecret: config.JWT_JWKS_URL ? undefined : (config.JWT_SECRET ?? DEV_JWT_SECRET),
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
    };
  }
  const missing = [
    config.JWT_JWKS_URL?.startsWith('https://') ? null : 'JWT_JWKS_URL (https)',
    config.JWT_ISSUER ? null : 'JWT_ISSUER',
    config.JWT_AUDIENCE ? null : 'JWT_AUDIENCE',
  ].filter((name): name is string => name !== null);
  if (missing.length > 0) {
    throw new Error(
      `NODE_ENV is ${config.NODE_ENV ?? 'unset'}: set ${missing.join(', ')} (OIDC, RS256). ` +
        'The development secret is accepted only with NODE_ENV=development or test.',
    );
  }
  return {
    jwksUrl: config.JWT_JWKS_URL,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    maxTokenAgeSeconds: config.JWT_MAX_TOKEN_AGE_SECONDS,
  };
}
