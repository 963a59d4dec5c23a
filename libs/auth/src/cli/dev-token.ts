#!/usr/bin/env node
import { parseArgs } from 'node:util';
// Relative imports only: this file runs from dist/ without the @mrm/* path aliases.
import { DEV_JWT_SECRET, signDevToken, type DevTokenInput } from '../dev-token.signer';
import { ROLES, isOrgCode, isRole, type Role } from '../principal';

export { DEV_JWT_SECRET, signDevToken } from '../dev-token.signer';

const USAGE = `Usage: node dist/libs/auth/src/cli/dev-token.js --org <CODE> --roles <role,...> [options]

Prints a development HS256 access token on stdout.

  --org <CODE>        institution code, /^[A-Z0-9-]{2,32}$/ (required)
  --roles <list>      comma-separated roles (required): ${ROLES.join(', ')}
  --sub <id>          subject (default: dev-user)
  --ttl <duration>    lifetime: <n>, <n>s, <n>m, <n>h or <n>d (default: 8h)
  --secret <secret>   HS256 secret (default: $JWT_SECRET, else the dev default)
  --issuer <iss>      iss claim (default: $JWT_ISSUER, if set)
  --audience <aud>    aud claim (default: $JWT_AUDIENCE, if set)
  --help              show this help`;

const TTL_UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** Output streams of {@link runDevTokenCli}, injectable for tests. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

type Env = Readonly<Record<string, string | undefined>>;

class UsageError extends Error {}

/** Runs the command and returns its exit code: 0 on success, 2 on bad arguments. */
export function runDevTokenCli(argv: readonly string[], env: Env, io: CliIo): number {
  try {
    const input = parseDevTokenArgs(argv, env);
    if (input === 'help') {
      io.out(USAGE);
      return 0;
    }
    io.out(signDevToken(input));
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError) && !isParseArgsError(error)) {
      throw error;
    }
    io.err(`dev-token: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
}

/** Parses command-line arguments into a token request; throws on any invalid argument. */
export function parseDevTokenArgs(argv: readonly string[], env: Env): DevTokenInput | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      org: { type: 'string' },
      roles: { type: 'string' },
      sub: { type: 'string', default: 'dev-user' },
      ttl: { type: 'string', default: '8h' },
      secret: { type: 'string' },
      issuer: { type: 'string' },
      audience: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    return 'help';
  }
  return {
    org: parseOrg(values.org),
    roles: parseRoles(values.roles),
    sub: parseSub(values.sub),
    ttlSeconds: parseTtl(values.ttl),
    secret: values.secret || env['JWT_SECRET'] || DEV_JWT_SECRET,
    issuer: values.issuer || env['JWT_ISSUER'] || undefined,
    audience: values.audience || env['JWT_AUDIENCE'] || undefined,
  };
}

function parseOrg(value: string | undefined): string {
  if (!isOrgCode(value)) {
    throw new UsageError('--org is required and must match /^[A-Z0-9-]{2,32}$/');
  }
  return value;
}

function parseRoles(value: string | undefined): Role[] {
  const roles = (value ?? '')
    .split(',')
    .map((role) => role.trim())
    .filter(Boolean);
  if (roles.length === 0) {
    throw new UsageError('--roles is required');
  }
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) {
    throw new UsageError(`unknown role(s): ${unknown.join(', ')}`);
  }
  return roles as Role[];
}

function parseSub(value: string | undefined): string {
  if (!value || value.trim() === '') {
    throw new UsageError('--sub must not be empty');
  }
  return value;
}

function parseTtl(value: string | undefined): number {
  const match = /^(\d+)([smhd]?)$/.exec(value ?? '');
  const seconds = match ? Number(match[1]) * TTL_UNITS[match[2]] : 0;
  if (seconds <= 0) {
    throw new UsageError('--ttl must be a positive duration such as 900, 15m, 8h or 7d');
  }
  return seconds;
}

// parseArgs reports unknown options and missing values with ERR_PARSE_ARGS_* codes.
function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

if (require.main === module) {
  process.exitCode = runDevTokenCli(process.argv.slice(2), process.env, {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}
