import { decode } from 'jsonwebtoken';
import { TokenVerifier } from '../token.verifier';
import { DEV_JWT_SECRET, runDevTokenCli } from './dev-token';

function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runDevTokenCli(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join(''), err: err.join('') };
}

describe('dev-token command', () => {
  it('prints only a token accepted with the dev default secret', async () => {
    const result = run([
      '--org',
      'IOM',
      '--roles',
      'case-worker,referral-officer',
      '--sub',
      'alice',
    ]);

    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    await expect(
      new TokenVerifier({ jwtSecret: DEV_JWT_SECRET }).verify(result.out),
    ).resolves.toEqual({
      sub: 'alice',
      org: 'IOM',
      roles: ['case-worker', 'referral-officer'],
    });
  });

  it('signs with JWT_SECRET from the environment, and --secret over it', async () => {
    const fromEnv = run(['--org', 'IOM', '--roles', 'admin'], { JWT_SECRET: 'env-secret' });
    const fromFlag = run(['--org', 'IOM', '--roles', 'admin', '--secret', 'flag-secret'], {
      JWT_SECRET: 'env-secret',
    });

    await expect(
      new TokenVerifier({ jwtSecret: 'env-secret' }).verify(fromEnv.out),
    ).resolves.toBeDefined();
    await expect(
      new TokenVerifier({ jwtSecret: 'flag-secret' }).verify(fromFlag.out),
    ).resolves.toBeDefined();
  });

  it('applies --ttl and the default subject', () => {
    const result = run(['--org', 'IOM', '--roles', 'admin', '--ttl', '15m']);

    const claims = decode(result.out, { json: true });
    expect(claims?.sub).toBe('dev-user');
    expect((claims?.exp ?? 0) - (claims?.iat ?? 0)).toBe(900);
  });

  it('sets iss and aud from JWT_ISSUER and JWT_AUDIENCE', () => {
    const result = run(['--org', 'IOM', '--roles', 'admin'], {
      JWT_ISSUER: 'dev',
      JWT_AUDIENCE: 'mrm',
    });

    expect(decode(result.out, { json: true })).toMatchObject({ iss: 'dev', aud: 'mrm' });
  });

  it.each([
    ['no --org', ['--roles', 'admin']],
    ['a lowercase org', ['--org', 'iom', '--roles', 'admin']],
    ['no --roles', ['--org', 'IOM']],
    ['an unknown role', ['--org', 'IOM', '--roles', 'admin,root']],
    ['a bad ttl', ['--org', 'IOM', '--roles', 'admin', '--ttl', '8 hours']],
    ['a zero ttl', ['--org', 'IOM', '--roles', 'admin', '--ttl', '0']],
    ['an unknown flag', ['--org', 'IOM', '--roles', 'admin', '--role', 'x']],
    ['a positional argument', ['IOM']],
    ['a flag without value', ['--org']],
  ])('exits 2 with usage and no token for %s', (_case, argv) => {
    const result = run(argv);

    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^dev-token: .+\n\nUsage:/);
  });

  it('prints usage on --help', () => {
    const result = run(['--help']);

    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Usage:/);
  });
});
