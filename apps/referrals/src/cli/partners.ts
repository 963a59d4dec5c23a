#!/usr/bin/env node
import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { DomainError } from '@mrm/errors';
import {
  renderClusterAccountsSecret,
  renderSingleNodeAccounts,
  type PartnerGrant,
} from '@mrm/nats-authorization';
import { buildDataSourceOptions } from '@mrm/persistence';
import { loadConfig, withPlatformSchema } from '@mrm/runtime';
import { DataSource } from 'typeorm';
import { REFERRALS_ENTITIES } from '../database/schema';
import { writeWholeFile } from '../partner-bus/nats-authorization.file';
import {
  PartnerProvisioning,
  type ProvisionedPartner,
} from '../partner-bus/partner-provisioning.service';
import { activePartnerGrants } from '../partner-bus/partner-systems.service';
import { ReferralsConfig } from '../referrals.config';
import { ReferralsModule } from '../referrals.module';

const USAGE = `Usage: npm run partners -- <command> [<CODE>] [options]

Connects a partner institution's own system to the partner bus (docs/partners.md).

  add <CODE> --public-key <file.jwk|file.pem> [--nkey <U…>]
      registers the institution's public RSA key (JWE RSA-OAEP-256/A256GCM), makes its NATS nkey
      (the seed is printed ONCE: hand it to the institution, it is not kept) unless --nkey names
      the public key of one it made itself, creates its durable consumer on PARTNERS
  rotate <CODE> [--public-key <file>] [--nkey <U…>]
      new NATS credentials (and key, if given); its queue is kept
  revoke <CODE>
      cuts it off: user removed from NATS, consumer deleted, nothing more encrypted to it
  render [--format conf|k8s-secret] [--output <file>] [--without-partners]
      the NATS accounts file (services, operator, the directory's active partners) that the
      server configurations include: \`conf\` for one node (local server, docker-compose),
      \`k8s-secret\` the nats-accounts Secret of the Kubernetes cluster, for
      \`| kubectl apply -f -\`. To stdout unless --output (written whole). --without-partners
      reads no database (first installation, before referrals' migrations).

add, rotate and revoke re-render NATS_AUTHORIZATION_FILE (when set) from the directory and send
SIGHUP to the nats-server whose pid is in NATS_SERVER_PID_FILE (when set): no restart. Under
docker-compose reload with \`docker compose kill -s HUP nats\`; on Kubernetes apply the
rendered Secret (the reloader beside each node reloads it).
Exit status: 0 done; 2 bad arguments; 3 failure.`;

/** Output and environment of {@link runPartnersCli}, injectable for tests. */
export interface PartnersCliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Runs one command and returns the exit status (see the usage text). */
export async function runPartnersCli(argv: readonly string[], io: PartnersCliIo): Promise<number> {
  const parsed = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    options: {
      'public-key': { type: 'string' },
      nkey: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string' },
      'without-partners': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const [command, code] = parsed.positionals;
  if (command === 'render' && !parsed.values.help) return render(parsed.values, io);
  if (parsed.values.help || !command || !code || !['add', 'rotate', 'revoke'].includes(command)) {
    io.out(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  const keyFile = parsed.values['public-key'];
  if (command === 'add' && typeof keyFile !== 'string') {
    io.err('partners: add needs --public-key <file>');
    return 2;
  }
  const publicKey = typeof keyFile === 'string' ? await readFile(keyFile, 'utf8') : undefined;
  const nkey = typeof parsed.values.nkey === 'string' ? parsed.values.nkey : undefined;
  const config = loadConfig(ReferralsConfig, 'referrals', io.env);
  const app = await NestFactory.createApplicationContext(ReferralsModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    const provisioning = app.get(PartnerProvisioning);
    let result: ProvisionedPartner;
    if (command === 'add') result = await provisioning.add({ code, publicKey: publicKey!, nkey });
    else if (command === 'rotate') result = await provisioning.rotate({ code, publicKey, nkey });
    else result = await provisioning.revoke(code);
    const { busCode, status, keyVersion } = result.system;
    io.out(
      `partners: ${command} ${busCode}: ${status}, key version ${keyVersion}, nkey ${result.system.nkey}; authorization ${result.authorization}`,
    );
    if (result.seed) {
      io.out(`NATS nkey seed (shown once, hand it to the institution): ${result.seed}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      io.err(`partners: ${error.title}${error.detail ? `: ${error.detail}` : ''}`);
      return 2;
    }
    throw error;
  } finally {
    await app.close();
  }
}

/**
 * `render`: the accounts file from the directory, read with a bare data source rather than the
 * whole service, which would wait for NATS (compose renders it before starting NATS).
 */
async function render(
  options: { format?: string | boolean; output?: string | boolean; 'without-partners'?: unknown },
  io: PartnersCliIo,
): Promise<number> {
  const format = options.format ?? 'conf';
  if (format !== 'conf' && format !== 'k8s-secret') {
    io.err('partners: render --format takes conf or k8s-secret');
    return 2;
  }
  if (options.output !== undefined && typeof options.output !== 'string') {
    io.err('partners: render --output needs a file');
    return 2;
  }
  const config = loadConfig(ReferralsConfig, 'referrals', io.env);
  const partners =
    options['without-partners'] === true ? [] : await readActiveGrants(config.DATABASE_URL);
  const input = { namespace: config.NATS_NAMESPACE, partners };
  const text =
    format === 'conf' ? renderSingleNodeAccounts(input) : renderClusterAccountsSecret(input);
  if (options.output === undefined) io.out(text.trimEnd());
  else {
    await writeWholeFile(options.output, text);
    io.err(`partners: rendered ${partners.length} partner(s) into ${options.output}`);
  }
  return 0;
}

async function readActiveGrants(url: string): Promise<PartnerGrant[]> {
  const dataSource = new DataSource(
    buildDataSourceOptions({
      url,
      ...withPlatformSchema({ entities: REFERRALS_ENTITIES, migrations: [] }),
      poolSize: 1,
      applicationName: 'referrals-partners-cli',
    }),
  );
  await dataSource.initialize();
  try {
    return await activePartnerGrants(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  const io: PartnersCliIo = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
  };
  runPartnersCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 3;
    },
  );
}
