import { SERVICE_NAMES } from '@mrm/contracts';
import { PARTNER_CODE_PATTERN } from './bus-names';
import {
  OPERATOR_USER,
  operatorPermissions,
  partnerPermissions,
  servicePermissions,
  type NatsPermissions,
} from './permissions';

/** A partner institution's NATS identity: its code and its nkey public key (`U…`). */
export interface PartnerGrant {
  code: string;
  nkey: string;
}

export interface NatsAuthorizationInput {
  /** Prefix of subjects and streams (NATS_NAMESPACE); empty in production. */
  namespace?: string;
  partners: PartnerGrant[];
  /**
   * Plain or bcrypt passwords by user (a service name or `operator`). A user without one gets
   * `$NATS_<USER>_PASSWORD`, resolved by nats-server from its environment (the committed files).
   */
  passwords?: Partial<Record<string, string>>;
}

/** The account that holds every user of the platform; JetStream is enabled for it. */
export const PLATFORM_ACCOUNT = 'MRM';

const NKEY_USER_PATTERN = /^U[A-Z2-7]{55}$/;

/** The environment variable that holds a user's password in the committed configurations. */
export function passwordVariableOf(user: string): string {
  return `NATS_${user.toUpperCase().replace(/-/g, '_')}_PASSWORD`;
}

/**
 * The `accounts { … }` section of nats-server's configuration: one user per service, the operator
 * and one nkey user per partner, each with least-privilege permissions. Deterministic, so a check
 * can compare committed files with a fresh rendering.
 */
export function renderNatsAuthorization(input: NatsAuthorizationInput): string {
  return renderAccounts(input, []);
}

/** The same `accounts` section with other accounts (each a rendered block) after the platform's. */
export function renderAccounts(input: NatsAuthorizationInput, otherAccounts: string[]): string {
  const namespace = input.namespace ?? '';
  const users: string[] = [];
  for (const service of SERVICE_NAMES) {
    users.push(
      renderUser(
        `service ${service}: its own stream, its durables, replies under _INBOX_${service}`,
        [`user: ${quote(service)}`, `password: ${password(service, input.passwords)}`],
        servicePermissions(service, namespace),
      ),
    );
  }
  users.push(
    renderUser(
      'operator: dead-letter replay (npm run dlq) and stream administration',
      [`user: ${quote(OPERATOR_USER)}`, `password: ${password(OPERATOR_USER, input.passwords)}`],
      operatorPermissions(namespace),
    ),
  );
  const reserved = new Set<string>([...SERVICE_NAMES, OPERATOR_USER]);
  const seen = new Set<string>();
  for (const partner of [...input.partners].sort((a, b) => a.code.localeCompare(b.code))) {
    if (!PARTNER_CODE_PATTERN.test(partner.code) || reserved.has(partner.code)) {
      throw new Error(`partner code "${partner.code}" is not a free subject token`);
    }
    if (seen.has(partner.code)) throw new Error(`partner code "${partner.code}" given twice`);
    seen.add(partner.code);
    if (!NKEY_USER_PATTERN.test(partner.nkey)) {
      throw new Error(`partner ${partner.code}: "${partner.nkey}" is not an nkey user public key`);
    }
    users.push(
      renderUser(
        `partner ${partner.code}: its own consumer and answers, replies under _INBOX_${partner.code}`,
        [`nkey: ${partner.nkey}`],
        partnerPermissions(partner.code, namespace),
      ),
    );
  }
  return [
    'accounts {',
    `  ${PLATFORM_ACCOUNT} {`,
    '    jetstream: enabled',
    '    users: [',
    ...users.map((user) => indent(user, 6)),
    '    ]',
    '  }',
    ...otherAccounts.map((account) => indent(account, 2)),
    '}',
    '',
  ].join('\n');
}

function password(user: string, passwords: NatsAuthorizationInput['passwords']): string {
  const given = passwords?.[user];
  return given === undefined ? `$${passwordVariableOf(user)}` : quote(given);
}

function renderUser(comment: string, identity: string[], permissions: NatsPermissions): string {
  const lines = [`# ${comment}`, '{', ...identity.map((line) => `  ${line}`)];
  lines.push('  permissions: {', '    publish: {');
  lines.push(...list('allow', permissions.publish.allow, 6));
  if (permissions.publish.deny) lines.push(...list('deny', permissions.publish.deny, 6));
  lines.push('    }', '    subscribe: {');
  lines.push(...list('allow', permissions.subscribe.allow, 6));
  lines.push('    }', '  }', '}');
  return lines.join('\n');
}

function list(name: string, values: readonly string[], depth: number): string[] {
  const pad = ' '.repeat(depth);
  return [`${pad}${name}: [`, ...values.map((value) => `${pad}  ${quote(value)}`), `${pad}]`];
}

function indent(text: string, depth: number): string {
  const pad = ' '.repeat(depth);
  return text
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

/** A double-quoted nats.conf string (no `$` expansion inside quotes). */
function quote(value: string): string {
  if (/["\\\n]/.test(value)) throw new Error(`value ${JSON.stringify(value)} cannot be quoted`);
  return `"${value}"`;
}
