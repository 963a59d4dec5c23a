import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign, type SignOptions } from 'jsonwebtoken';
import { AuthErrorCode } from './auth.errors';
import { signDevToken } from './dev-token.signer';
import { TokenVerifier } from './token.verifier';

const SECRET = 'unit-test-secret-0123456789abcdef';
const CLAIMS = { sub: 'alice', org: 'IOM', roles: ['case-worker'] };

function hs256(claims: object, options: SignOptions = {}, secret = SECRET): string {
  return sign(claims, secret, { algorithm: 'HS256', expiresIn: 300, ...options });
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function rsaKeys(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

/** A real JWKS endpoint on 127.0.0.1 that counts its hits. */
async function startJwksServer(keys: ReadonlyArray<{ kid: string; publicKey: KeyObject }>) {
  const body = JSON.stringify({
    keys: keys.map(({ kid, publicKey }) => ({
      ...publicKey.export({ format: 'jwk' }),
      kid,
      use: 'sig',
      alg: 'RS256',
    })),
  });
  const state = { hits: 0 };
  const server: Server = createServer((_req, res) => {
    state.hits += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/.well-known/jwks.json`, state, server };
}

describe('TokenVerifier with HS256 (jwtSecret)', () => {
  const sut = new TokenVerifier({ jwtSecret: SECRET });

  it('returns the principal of a valid token, without extra claims', async () => {
    const token = hs256({ ...CLAIMS, roles: ['case-worker', 'referral-officer'], email: 'a@x' });

    const principal = await sut.verify(token);

    expect(principal).toEqual({
      sub: 'alice',
      org: 'IOM',
      roles: ['case-worker', 'referral-officer'],
    });
  });

  it('accepts tokens from signDevToken', async () => {
    const token = signDevToken({ ...CLAIMS, roles: ['trainer'], secret: SECRET, ttlSeconds: 60 });

    await expect(sut.verify(token)).resolves.toEqual({ ...CLAIMS, roles: ['trainer'] });
  });

  it('rejects an expired token with AUTH_TOKEN_EXPIRED and a Bearer challenge', async () => {
    const token = signDevToken({ ...CLAIMS, roles: ['trainer'], secret: SECRET, ttlSeconds: -10 });

    await expect(sut.verify(token)).rejects.toMatchObject({
      code: AuthErrorCode.AUTH_TOKEN_EXPIRED,
      status: 401,
      wwwAuthenticate: expect.stringMatching(/^Bearer error="invalid_token"/),
    });
  });

  it('honours a token it has verified before only until it expires', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-23T10:00:00Z'), doNotFake: ['nextTick'] });
    try {
      const verifier = new TokenVerifier({ jwtSecret: SECRET });
      const token = hs256(CLAIMS, { expiresIn: 30 });
      await expect(verifier.verify(token)).resolves.toEqual(CLAIMS);
      await expect(verifier.verify(token)).resolves.toEqual(CLAIMS);

      jest.setSystemTime(new Date('2026-11-23T10:00:31Z'));

      await expect(verifier.verify(token)).rejects.toMatchObject({
        code: AuthErrorCode.AUTH_TOKEN_EXPIRED,
      });
    } finally {
      jest.useRealTimers();
    }
  });

  it('rejects a token signed with another secret', async () => {
    const token = hs256(CLAIMS, {}, 'another-secret-another-secret-xx');

    await expect(sut.verify(token)).rejects.toMatchObject({
      code: AuthErrorCode.AUTH_TOKEN_INVALID,
      status: 401,
    });
  });

  it('rejects an unsigned alg:none token', async () => {
    const exp = Math.floor(Date.now() / 1000) + 300;
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...CLAIMS, exp })}.`;

    await expect(sut.verify(token)).rejects.toMatchObject({
      code: AuthErrorCode.AUTH_TOKEN_INVALID,
    });
  });

  it('rejects an RS256 token', async () => {
    const token = sign(CLAIMS, rsaKeys().privateKey, { algorithm: 'RS256', expiresIn: 300 });

    await expect(sut.verify(token)).rejects.toMatchObject({
      code: AuthErrorCode.AUTH_TOKEN_INVALID,
    });
  });

  it('rejects a token without exp', async () => {
    const token = sign(CLAIMS, SECRET, { algorithm: 'HS256' });

    await expect(sut.verify(token)).rejects.toMatchObject({
      code: AuthErrorCode.AUTH_TOKEN_INVALID,
    });
  });

  it('rejects something that is not a JWT', async () => {
    await expect(sut.verify('not-a-jwt')).rejects.toMatchObject({
      code: AuthErrorCode.AUTH_TOKEN_INVALID,
    });
  });

  // A valid signature over a payload that is not a JSON object: jsonwebtoken throws SyntaxError or
  // TypeError for some of them, which must still be a 401, never a 500.
  it.each(['not json', 'null', '[]', '"text"', '123'])(
    'rejects a signed token whose payload is %s',
    async (payload) => {
      const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${Buffer.from(payload).toString('base64url')}`;
      const signature = createHmac('sha256', SECRET).update(unsigned).digest('base64url');

      await expect(sut.verify(`${unsigned}.${signature}`)).rejects.toMatchObject({
        code: AuthErrorCode.AUTH_TOKEN_INVALID,
      });
    },
  );

  it.each([
    ['an unknown role', { ...CLAIMS, roles: ['case-worker', 'superuser'] }],
    ['empty roles', { ...CLAIMS, roles: [] }],
    ['roles as a string', { ...CLAIMS, roles: 'admin' }],
    ['a lowercase org', { ...CLAIMS, org: 'iom' }],
    ['a one-letter org', { ...CLAIMS, org: 'I' }],
    ['no org', { sub: 'alice', roles: ['admin'] }],
    ['an empty sub', { ...CLAIMS, sub: '' }],
    ['no sub', { org: 'IOM', roles: ['admin'] }],
  ])('rejects a token with %s', async (_case, claims) => {
    await expect(sut.verify(hs256(claims))).rejects.toMatchObject({
      code: AuthErrorCode.AUTH_TOKEN_INVALID,
    });
  });
});

describe('TokenVerifier with a maximum token age', () => {
  const sut = new TokenVerifier({ jwtSecret: SECRET, maxTokenAgeSeconds: 600 });

  it('refuses a token issued longer ago than the cap, even one that has not expired', async () => {
    const issuedAt = Math.floor(Date.now() / 1000) - 601;
    const token = hs256({ ...CLAIMS, iat: issuedAt }, { expiresIn: 3600 });

    await expect(sut.verify(token)).rejects.toMatchObject({
      code: AuthErrorCode.AUTH_TOKEN_EXPIRED,
    });
  });

  it('refuses a token without iat, whose age cannot be known', async () => {
    const token = hs256(CLAIMS, { noTimestamp: true });

    await expect(sut.verify(token)).rejects.toMatchObject({
      code: AuthErrorCode.AUTH_TOKEN_INVALID,
    });
  });

  it('accepts a token issued within the cap', async () => {
    await expect(sut.verify(hs256(CLAIMS))).resolves.toMatchObject({ sub: 'alice' });
  });
});

describe('TokenVerifier with issuer and audience', () => {
  const sut = new TokenVerifier({ jwtSecret: SECRET, issuer: 'https://idp.test', audience: 'mrm' });

  it('accepts a token with the configured iss and aud', async () => {
    const token = hs256(CLAIMS, { issuer: 'https://idp.test', audience: 'mrm' });

    await expect(sut.verify(token)).resolves.toEqual(CLAIMS);
  });

  it.each([
    ['another issuer', { issuer: 'https://evil.test', audience: 'mrm' }],
    ['another audience', { issuer: 'https://idp.test', audience: 'other' }],
    ['no iss nor aud', {}],
  ])('rejects a token with %s', async (_case, options) => {
    await expect(sut.verify(hs256(CLAIMS, options))).rejects.toMatchObject({
      code: AuthErrorCode.AUTH_TOKEN_INVALID,
    });
  });
});

describe('TokenVerifier with RS256 (jwksUrl)', () => {
  const signing = rsaKeys();
  const rotated = rsaKeys();
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;
  let sut: TokenVerifier;

  const rs256 = (kid: string, key: KeyObject = signing.privateKey): string =>
    sign(CLAIMS, key, { algorithm: 'RS256', keyid: kid, expiresIn: 300 });

  beforeAll(async () => {
    jwks = await startJwksServer([
      { kid: 'key-1', publicKey: signing.publicKey },
      { kid: 'key-2', publicKey: rotated.publicKey },
    ]);
  });

  afterAll(async () => {
    await new Promise((resolve) => jwks.server.close(resolve));
  });

  beforeEach(() => {
    sut = new TokenVerifier({ jwksUrl: jwks.url });
  });

  it('accepts a token signed by a key of the JWKS, fetching the JWKS once per kid', async () => {
    const hitsBefore = jwks.state.hits;

    await expect(sut.verify(rs256('key-1'))).resolves.toEqual(CLAIMS);
    await expect(sut.verify(rs256('key-1'))).resolves.toEqual(CLAIMS);

    expect(jwks.state.hits - hitsBefore).toBe(1);
  });

  it('accepts a token signed by another key of the JWKS', async () => {
    await expect(sut.verify(rs256('key-2', rotated.privateKey))).resolves.toEqual(CLAIMS);
  });

  it('rejects an HS256 token, even one keyed with the public key (algorithm confusion)', async () => {
    const pem = signing.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const token = hs256(CLAIMS, { keyid: 'key-1' }, pem);

    await expect(sut.verify(token)).rejects.toMatchObject({
      code: AuthErrorCode.AUTH_TOKEN_INVALID,
    });
  });

  it('rejects an HS256 token signed with a shared secret', async () => {
    await expect(sut.verify(hs256(CLAIMS))).rejects.toMatchObject({
      code: AuthErrorCode.AUTH_TOKEN_INVALID,
    });
  });

  it('rejects a token whose signature does not match the key of its kid', async () => {
    await expect(sut.verify(rs256('key-1', rotated.privateKey))).rejects.toMatchObject({
      code: AuthErrorCode.AUTH_TOKEN_INVALID,
    });
  });

  it('rejects a token with an unknown kid', async () => {
    await expect(sut.verify(rs256('key-9'))).rejects.toMatchObject({
      code: AuthErrorCode.AUTH_TOKEN_INVALID,
    });
  });

  it('rejects an alg:none token', async () => {
    const exp = Math.floor(Date.now() / 1000) + 300;
    const token = `${base64url({ alg: 'none', kid: 'key-1' })}.${base64url({ ...CLAIMS, exp })}.`;

    await expect(sut.verify(token)).rejects.toMatchObject({
      code: AuthErrorCode.AUTH_TOKEN_INVALID,
    });
  });
});

describe('TokenVerifier configuration', () => {
  it('refuses to be built without a secret or a JWKS URL', () => {
    expect(() => new TokenVerifier({})).toThrow(/jwksUrl|jwtSecret/);
  });

  it('uses RS256 when both a JWKS URL and a secret are set', () => {
    const sut = new TokenVerifier({ jwtSecret: SECRET, jwksUrl: 'http://127.0.0.1:1/jwks' });

    expect(sut.algorithm).toBe('RS256');
  });
});
