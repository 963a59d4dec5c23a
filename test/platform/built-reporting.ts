import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { testNatsUrl, waitFor } from '@mrm/testing';

const REPORTING_MAIN = join(__dirname, '../../dist/apps/reporting/src/main.js');

/** Fails at once, saying how to fix it, when the build these tests run is missing. */
export function assertReportingBuilt(): void {
  if (!existsSync(REPORTING_MAIN)) {
    throw new Error(`${REPORTING_MAIN} is missing: run "npm run build" first (npm test does)`);
  }
}

/**
 * The built reporting service (`node dist/apps/reporting/src/main.js`) in a process of its own,
 * configured through its environment as in production (with test's development secret).
 */
export function spawnReporting(input: {
  databaseUrl: string;
  namespace: string;
  port: number;
  logLevel?: string;
  stdio?: StdioOptions;
}): ChildProcess {
  return spawn(process.execPath, [REPORTING_MAIN], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: input.databaseUrl,
      NATS_URL: testNatsUrl(),
      NATS_NAMESPACE: input.namespace,
      HTTP_PORT: String(input.port),
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: input.logLevel ?? 'warn',
    },
    stdio: input.stdio ?? 'ignore',
  });
}

/** Resolves once a service answers `/health/live` on `port`. */
export function waitUntilListening(port: number): Promise<void> {
  return waitFor(
    () =>
      fetch(`http://127.0.0.1:${port}/health/live`).then(
        (response) => response.ok,
        () => false,
      ),
    { what: 'the reporting process to listen' },
  );
}

/**
 * Sends `signal` to a process still running and resolves with its exit code once it has exited
 * and its output pipes are drained (`close`). Undefined, or already gone: resolves at once.
 */
export function stopProcess(
  child: ChildProcess | undefined,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<number | null> {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child?.exitCode ?? null);
  }
  const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
  child.kill(signal);
  return closed;
}
