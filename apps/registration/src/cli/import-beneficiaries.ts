#!/usr/bin/env node
import 'reflect-metadata';
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { isOrgCode, type Principal } from '@mrm/auth';
import { DomainError } from '@mrm/errors';
import { contextOrNew, runWithContext } from '@mrm/observability';
import { loadConfig } from '@mrm/runtime';
import { Presets, SingleBar } from 'cli-progress';
import { MAX_IMPORT_BYTES } from '../imports/import-file';
import type { ImportReport } from '../imports/import-report';
import { formatOf } from '../imports/import-upload';
import { ImportError } from '../imports/import.errors';
import { ImportService } from '../imports/import.service';
import { RegistrationConfig } from '../registration.config';
import { RegistrationModule } from '../registration.module';

const USAGE = `Usage: npm run import:beneficiaries -- --file <path> --org <CODE> --sub <operator> [options]

Loads a beneficiary list (CSV UTF-8 or XLSX, see apps/registration/src/imports/README.md) into the
registry, as the institution <CODE>. Audited as actor "cli:<operator>".

  --file <path>      .csv or .xlsx file (required)
  --org <CODE>       owning institution, /^[A-Z0-9-]{2,32}$/ (required)
  --sub <operator>   who runs the import, e.g. a staff e-mail (required)
  --dry-run          validate and check duplicates only; write nothing but the audit entry
  --reason <text>    why the data is loaded (audit log)
  --json             print the full report as JSON instead of the summary
  --help             show this help

Exit status: 0 every row imported (or already imported; in a dry run: would be);
1 some rows invalid or probable duplicates; 2 bad arguments or file refused; 3 failure.`;

/** Output and environment of {@link runImportCli}, injectable for tests. */
export interface ImportCliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

interface ImportArgs {
  readonly file: string;
  readonly org: string;
  readonly sub: string;
  readonly dryRun: boolean;
  readonly reason?: string;
  readonly json: boolean;
}

class UsageError extends Error {}

/** Runs the import and returns the exit status (see the usage text). */
export async function runImportCli(argv: readonly string[], io: ImportCliIo): Promise<number> {
  let args: ImportArgs | 'help';
  let file: Buffer;
  try {
    args = parseImportArgs(argv);
    if (args === 'help') {
      io.out(USAGE);
      return 0;
    }
    file = await readImportFile(args.file);
  } catch (error) {
    if (error instanceof ImportError) {
      io.err(problemText(error));
      return 2;
    }
    io.err(`import-beneficiaries: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig(RegistrationConfig, 'registration', {
    ...io.env,
    LOG_LEVEL: io.env.LOG_LEVEL ?? 'warn',
  });
  const app = await NestFactory.createApplicationContext(RegistrationModule.forRoot(config), {
    logger: config.LOG_LEVEL === 'silent' ? false : ['error'],
  });
  const bar = new SingleBar(
    { format: 'import |{bar}| {value}/{total} rows | {eta_formatted} left' },
    Presets.shades_classic,
  );
  let started = false;
  const principal: Principal = { sub: `cli:${args.sub}`, org: args.org, roles: ['case-worker'] };
  try {
    // One correlation id for every audit entry of the run.
    const report = await runWithContext(contextOrNew(), () =>
      app.get(ImportService).run({
        file,
        format: formatOf({ fileName: args.file }),
        principal,
        dryRun: args.dryRun,
        reason: args.reason ?? null,
        onProgress: (done, total) => {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        },
      }),
    );
    if (started) bar.stop();
    io.out(args.json ? JSON.stringify(report, null, 2) : summaryOf(report));
    return report.totals.invalid + report.totals.probableDuplicates > 0 ? 1 : 0;
  } catch (error) {
    if (started) bar.stop();
    if (error instanceof DomainError && error.status < 500) {
      io.err(problemText(error));
      return 2;
    }
    throw error;
  } finally {
    await app.close();
  }
}

export function parseImportArgs(argv: readonly string[]): ImportArgs | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      file: { type: 'string' },
      org: { type: 'string' },
      sub: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      reason: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  if (!values.file) throw new UsageError('--file is required');
  if (!isOrgCode(values.org)) throw new UsageError('--org must be an institution code');
  if (!values.sub || !/^[A-Za-z0-9._@+-]{1,100}$/.test(values.sub)) {
    throw new UsageError('--sub must name the operator (letters, digits, . _ @ + -)');
  }
  formatOf({ fileName: values.file });
  return {
    file: values.file,
    org: values.org,
    sub: values.sub,
    dryRun: values['dry-run'],
    reason: values.reason?.trim().slice(0, 500) || undefined,
    json: values.json,
  };
}

async function readImportFile(path: string): Promise<Buffer> {
  // Checked before reading, so that a huge file is refused without loading it.
  if ((await stat(path)).size > MAX_IMPORT_BYTES) {
    throw new ImportError('IMPORT_FILE_TOO_LARGE', {
      detail: 'Split the file into parts of at most 10 MB',
    });
  }
  return readFile(path);
}

/** Totals, then one line per row that needs attention: fields and rules, never values. */
export function summaryOf(report: ImportReport): string {
  const { totals } = report;
  const lines = [
    `import ${report.importId}${report.dryRun ? ' (dry run)' : ''}: ${totals.rows} rows, ` +
      (report.dryRun ? `${totals.wouldCreate} would be created` : `${totals.created} created`) +
      `, ${totals.alreadyImported} already imported, ${totals.invalid} invalid, ` +
      `${totals.probableDuplicates} probable duplicates`,
  ];
  for (const row of report.rows) {
    if (row.status === 'invalid') {
      const errors = (row.errors ?? []).map(
        (error) => `${error.column ?? error.field}: ${error.message}`,
      );
      lines.push(`row ${row.row}: invalid: ${errors.join('; ')}`);
    } else if (row.status === 'probable-duplicate') {
      const candidates = (row.candidates ?? []).map(
        (candidate) => `${candidate.reference} (${candidate.reasons.join(', ')})`,
      );
      lines.push(
        `row ${row.row}: probable duplicate of ${candidates.join(', ')}; ` +
          'fill motif_doublon to register anyway',
      );
    }
  }
  return lines.join('\n');
}

function problemText(error: DomainError): string {
  const details = error.violations.map(
    (violation) => `\n  ${violation.field}: ${violation.message}`,
  );
  return `import-beneficiaries: ${error.title}${error.detail ? `: ${error.detail}` : ''}${details.join('')}`;
}

if (require.main === module) {
  const io: ImportCliIo = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
  };
  runImportCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 3;
    },
  );
}
