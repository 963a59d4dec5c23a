#!/usr/bin/env node
import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { DomainError } from '@mrm/errors';
import { loadConfig } from '@mrm/runtime';
import {
  PartnerProvisioning,
  type ProvisionedPartner,
} from '../partner-bus/partner-provisioning.service';
import { ReferralsConfig } from '../referrals.config';
import { ReferralsModule } from '../referrals.module';

const USAGE = `Usage: npm run partners -- <command> <CODE> [options]

Connects a partner institution's own system to the partner bus (docs/partners.md).

  add <CODE> --public-key <file.jwk|file.pem> [--nkey <U…>]
      registers the institution's public RSA key (JWE RSA-OAEP-256/A256GCM), makes its NATS nkey
      (the seed is printed ONCE: hand it to the institution, it is not kept) unless --nkey names
      the public key of one it made itself, creates its durable consumer on PARTNERS
  rotate <CODE> [--public-key <file>] [--nkey <U…>]
      new NATS credentials (and key, if given); its queue is kept
  revoke <CODE>
      cuts it off: user removed from NATS, consumer deleted, nothing more encrypted to it

Each command re-renders NATS_AUTHORIZATION_FILE (when set) from the directory and sends SIGHUP to
the nats-server whose pid is in NATS_SERVER_PID_FILE (when set): no restart of the platform.
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
      help: { type: 'boolean' },
    },
  });
  const [command, code] = parsed.positionals;
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
