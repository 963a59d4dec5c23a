import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, testNatsUrl, waitFor } from '@mrm/testing';

const TRAINING_MAIN = join(__dirname, '../../../../dist/apps/training/src/main.js');

/**
 * The built training service (`node dist/apps/training/src/main.js`) in a process of its own on
 * a test's database and NATS namespace, configured through its environment as in production.
 */
export class TrainingProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(input: { databaseUrl: string; namespace: string }): Promise<TrainingProcess> {
    if (!existsSync(TRAINING_MAIN)) {
      throw new Error(`${TRAINING_MAIN} is missing: run "npm run build" first (npm test does)`);
    }
    const port = await freePort();
    const child = spawn(process.execPath, [TRAINING_MAIN], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATABASE_URL: input.databaseUrl,
        NATS_URL: testNatsUrl(),
        NATS_NAMESPACE: input.namespace,
        HTTP_PORT: String(port),
        HTTP_HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    const started = new TrainingProcess(child, port);
    await waitFor(
      () =>
        fetch(`${started.url}/health/live`).then(
          (response) => response.ok,
          () => false,
        ),
      { what: 'the training process to listen', timeoutMs: 30_000 },
    );
    return started;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends `signal` and resolves once the process has exited (at once if it already has). */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    const closed = new Promise<void>((resolve) => this.child.once('close', () => resolve()));
    this.child.kill(signal);
    return closed;
  }
}
