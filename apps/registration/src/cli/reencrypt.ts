#!/usr/bin/env node
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@mrm/runtime';
import {
  type ReencryptionReport,
  ReencryptionService,
} from '../beneficiaries/reencryption.service';
import { RegistrationConfig } from '../registration.config';
import { RegistrationModule } from '../registration.module';

const USAGE = `Usage: npm run reencrypt -- [--reindex] [--batch-size <n>] [--after <id>] [--max-batches <n>]

After a key rotation (docs/operations/key-rotation.md): rewrites every encrypted field of every
beneficiary under the active key of REGISTRATION_ENCRYPTION_KEYS, in batches of short
transactions, beside the running service. Safe to stop and run again: rows already under the
active key are skipped.

  --reindex          also recompute every blind index (search keys) under the current
                     REGISTRATION_BLIND_INDEX_KEY, after that key changed
  --batch-size <n>   beneficiaries per transaction (default 200)
  --after <id>       resume the blind-index pass after this beneficiary id (printed per batch)
  --max-batches <n>  stop after n batches (a time-boxed run)
  --json             print the report as JSON
  --help             show this help

Exit status: 0 complete (no token left under another key); 1 stopped early or tokens remain;
2 bad arguments; 3 failure (a token that does not decrypt, a missing key: see the message).`;

export interface ReencryptCliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

interface ReencryptArgs {
  readonly reindex: boolean;
  readonly batchSize: number;
  readonly after?: string;
  readonly maxBatches?: number;
  readonly json: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseReencryptArgs(argv: readonly string[]): ReencryptArgs | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      reindex: { type: 'boolean', default: false },
      'batch-size': { type: 'string', default: '200' },
      after: { type: 'string' },
      'max-batches': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const batchSize = positive(values['batch-size'], '--batch-size', 10_000);
  if (values.after !== undefined && !UUID.test(values.after)) {
    throw new Error('--after must be a beneficiary id (UUID)');
  }
  if (values.after !== undefined && !values.reindex) throw new Error('--after needs --reindex');
  return {
    reindex: values.reindex,
    batchSize,
    after: values.after,
    maxBatches:
      values['max-batches'] === undefined
        ? undefined
        : positive(values['max-batches'], '--max-batches', 1_000_000),
    json: values.json,
  };
}

function positive(text: string, name: string, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > max) {
    throw new Error(`${name} must be a whole number from 1 to ${max}`);
  }
  return value;
}

export function reportText(report: ReencryptionReport): string {
  return [
    `active key ${report.activeKeyId}: ${report.reencrypted} beneficiaries re-encrypted` +
      (report.lastId !== null || report.reindexed > 0
        ? `, ${report.reindexed} re-indexed (last ${report.lastId ?? '-'})`
        : ''),
    `still under another key: ${report.remaining.beneficiaries} beneficiaries, ` +
      `${report.remaining.idempotencyRecords} unexpired idempotent responses`,
    report.complete
      ? 'complete'
      : `not complete: run again${report.lastId ? ` (with --reindex --after ${report.lastId})` : ''}`,
  ].join('\n');
}

/** Runs the re-encryption and returns the exit status (see the usage text). */
export async function runReencryptCli(
  argv: readonly string[],
  io: ReencryptCliIo,
): Promise<number> {
  let args: ReencryptArgs | 'help';
  try {
    args = parseReencryptArgs(argv);
  } catch (error) {
    io.err(`reencrypt: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    io.out(USAGE);
    return 0;
  }
  const config = loadConfig(RegistrationConfig, 'registration', {
    ...io.env,
    LOG_LEVEL: io.env.LOG_LEVEL ?? 'warn',
  });
  const app = await NestFactory.createApplicationContext(RegistrationModule.forRoot(config), {
    logger: config.LOG_LEVEL === 'silent' ? false : ['error'],
  });
  try {
    const report = await app.get(ReencryptionService).run({
      ...args,
      // One line per batch: the log of a Job shows its progress and where to resume.
      onBatch: (progress) =>
        io.err(`${progress.pass}: ${progress.rows} rows, last ${progress.lastId}`),
    });
    io.out(args.json ? JSON.stringify(report, null, 2) : reportText(report));
    return report.complete ? 0 : 1;
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  const io: ReencryptCliIo = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
  };
  runReencryptCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`reencrypt: ${(error as Error).message}\n`);
      process.exitCode = 3;
    },
  );
}
