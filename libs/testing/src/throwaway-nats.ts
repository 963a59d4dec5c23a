import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { waitFor } from './wait-for';

const NATS_SERVER_BINARY = process.env.NATS_SERVER_BINARY ?? '/usr/sbin/nats-server';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * A nats-server with JetStream that a test may stop and start again (same port, same store), to
 * show what happens when the bus goes away. Listens on loopback only.
 */
export class ThrowawayNats {
  private process?: ChildProcess;
  private readonly storeDir = mkdtempSync(join(tmpdir(), 'mrm-nats-'));

  private constructor(
    readonly port: number,
    private readonly configFile?: string,
    private readonly jetStreamInConfig = false,
    private readonly env: Readonly<Record<string, string>> = {},
  ) {}

  /**
   * `jetStreamInConfig`: the configuration has its own `jetstream { store_dir }` block (no `-js`
   * on the command line). nats-server 2.9 answers no JetStream request after a configuration
   * reload (SIGHUP) unless JetStream is enabled in the file itself. `env`: variables the
   * configuration reads (`$NATS_<USER>_PASSWORD`).
   */
  static async start(
    options: {
      configFile?: string;
      jetStreamInConfig?: boolean;
      env?: Readonly<Record<string, string>>;
    } = {},
  ): Promise<ThrowawayNats> {
    const server = new ThrowawayNats(
      await freePort(),
      options.configFile,
      options.jetStreamInConfig,
      options.env,
    );
    await server.resume();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async resume(): Promise<void> {
    const args = ['-a', '127.0.0.1', '-p', String(this.port)];
    if (!this.jetStreamInConfig) args.push('-js', '-sd', this.storeDir);
    if (this.configFile) args.unshift('-c', this.configFile);
    this.process = spawn(NATS_SERVER_BINARY, args, {
      stdio: 'ignore',
      env: { ...process.env, ...this.env },
    });
    await waitFor(
      async () => {
        // A server with an authorization section refuses the anonymous probe: it is up all the same.
        const nc = await connect({ servers: this.url, timeout: 500 }).catch((error: unknown) =>
          /authorization/i.test(String((error as Error)?.message)) ? null : undefined,
        );
        await nc?.close();
        return nc !== undefined;
      },
      { timeoutMs: 10_000, what: `nats-server on ${this.port}` },
    );
  }

  /** Stops the server (SIGTERM) and waits for the process to exit. */
  async pause(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    this.process = undefined;
  }

  async stop(): Promise<void> {
    await this.pause();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}
