import { DEV_JWT_SECRET } from '@mrm/auth';
import { authOptionsFrom, isDevelopmentEnvironment } from './auth-config';

const oidc = {
  JWT_JWKS_URL: 'https://id.example.ma/realms/mrm/protocol/openid-connect/certs',
  JWT_ISSUER: 'https://id.example.ma/realms/mrm',
  JWT_AUDIENCE: 'mrm-api',
  JWT_MAX_TOKEN_AGE_SECONDS: 3600,
};

describe('authOptionsFrom', () => {
  it.each(['development', 'test'])('uses the development secret when NODE_ENV=%s', (env) => {
    const sut = authOptionsFrom({ NODE_ENV: env, JWT_MAX_TOKEN_AGE_SECONDS: 3600 });

    expect(sut).toMatchObject({ jwtSecret: DEV_JWT_SECRET, jwksUrl: undefined });
  });

  it.each([
    ['unset', undefined],
    ['production', 'production'],
  ])('refuses to start with NODE_ENV %s and no OIDC settings', (_case, env) => {
    expect(() =>
      authOptionsFrom({
        NODE_ENV: env,
        JWT_SECRET: DEV_JWT_SECRET,
        JWT_MAX_TOKEN_AGE_SECONDS: 3600,
      }),
    ).toThrow(/set JWT_JWKS_URL \(https\), JWT_ISSUER, JWT_AUDIENCE/);
  });

  it('refuses a JWKS over plain http in production', () => {
    expect(() =>
      authOptionsFrom({
        ...oidc,
        NODE_ENV: 'production',
        JWT_JWKS_URL: 'http://id.example.ma/certs',
      }),
    ).toThrow(/JWT_JWKS_URL \(https\)/);
  });

  it('refuses a production config without an audience, naming it', () => {
    expect(() =>
      authOptionsFrom({ ...oidc, NODE_ENV: 'production', JWT_AUDIENCE: undefined }),
    ).toThrow(/set JWT_AUDIENCE/);
  });

  it('verifies RS256 tokens from the JWKS with issuer, audience and an age cap in production', () => {
    const sut = authOptionsFrom({ ...oidc, NODE_ENV: 'production', JWT_SECRET: 'ignored' });

    expect(sut).toEqual({
      jwksUrl: oidc.JWT_JWKS_URL,
      issuer: oidc.JWT_ISSUER,
      audience: oidc.JWT_AUDIENCE,
      maxTokenAgeSeconds: 3600,
    });
  });
});

describe('isDevelopmentEnvironment', () => {
  it('is true only when NODE_ENV says development or test', () => {
    expect(
      [undefined, 'production', 'development', 'test'].map((env) =>
        isDevelopmentEnvironment({ NODE_ENV: env }),
      ),
    ).toEqual([false, false, true, true]);
  });
});
