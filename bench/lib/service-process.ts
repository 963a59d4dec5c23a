import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SERVICE_NODE_FLAGS } from '@mrm/runtime';
import { freePort } from '@mrm/testing';
import { sleep } from './stats';

export type BuiltService = 'registration' | 'reporting';

export interface ServiceProcessInput {
  readonly service: BuiltService;
  readonly databaseUrl: string;
  readonly natsUrl: string;
  readonly namespace: string;
  readonly env?: Record<string, string>;
}

/** Log level of the spawned services: `info` is the production default (one line per request). */
export const SERVICE_LOG_LEVEL = process.env.BENCH_SERVICE_LOG_LEVEL ?? 'info';

const PROFILING = /--cpu-prof|--heap-prof|--prof\b/.test(process.env.BENCH_SERVICE_NODE_ARGS ?? '');

/**
 * A service started from the build (`node dist/apps/<svc>/src/main.js`) in a process of its own,
 * configured through its environment like in production. Its JSON logs go to a temporary file that
 * is printed (tail) if it fails and deleted when it stops.
 */
export class ServiceProcess {
  private constructor(
    readonly service: BuiltService,
    readonly port: number,
    private readonly child: ChildProcess,
    private readonly logFile: string,
  ) {}

  get pid(): number | undefined {
    return this.child.pid;
  }

  static async start(input: ServiceProcessInput): Promise<ServiceProcess> {
    // dist/bench/lib → dist/apps/<svc>/src/main.js
    const entry = resolve(__dirname, '..', '..', 'apps', input.service, 'src', 'main.js');
    await waitForBuild(entry);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env };
    // The load generator signs development tokens; a secret or JWKS from the caller would refuse them.
    for (const key of ['JWT_SECRET', 'JWT_JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE']) delete env[key];
    Object.assign(env, {
      NODE_ENV: 'development',
      DATABASE_URL: input.databaseUrl,
      NATS_URL: input.natsUrl,
      NATS_NAMESPACE: input.namespace,
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: SERVICE_LOG_LEVEL,
      ...input.env,
    });
    const logFile = join(tmpdir(), `mrm-bench-${input.service}-${process.pid}-${port}.log`);
    const fd = openSync(logFile, 'w');
    // e.g. BENCH_SERVICE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the services.
    const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
    // The services' production node options first, so that extra ones can override them.
    const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...nodeArgs, entry], {
      env,
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    RUNNING.add(child);
    child.once('exit', () => RUNNING.delete(child));
    const running = new ServiceProcess(input.service, port, child, logFile);
    try {
      await running.waitUntilReady();
    } catch (error) {
      console.error(running.logTail());
      await running.stop();
      throw error;
    }
    return running;
  }

  private async waitUntilReady(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) {
        throw new Error(`${this.service} exited with code ${this.child.exitCode} while starting`);
      }
      if ((await this.status('/health/ready')) === 200) return;
      await sleep(100);
    }
    throw new Error(`${this.service} was not ready within ${timeoutMs} ms`);
  }

  private status(path: string): Promise<number> {
    return new Promise((resolvePromise) => {
      const request = get(
        { host: '127.0.0.1', port: this.port, path, timeout: 1000 },
        (response) => {
          response.resume();
          resolvePromise(response.statusCode ?? 0);
        },
      );
      request.on('error', () => resolvePromise(0));
      request.on('timeout', () => request.destroy());
    });
  }

  /** CPU time (user + system) the service process has used so far, in milliseconds (Linux /proc). */
  cpuMs(): number {
    const { user, system } = this.cpuSplitMs();
    return user + system;
  }

  /** CPU time used so far in user space and in the kernel (syscalls: sockets, files), in ms. */
  cpuSplitMs(): { user: number; system: number } {
    try {
      const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 14 and 15 of proc(5), utime and stime, in clock ticks of 10 ms (USER_HZ = 100).
      return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
    } catch {
      return { user: Number.NaN, system: Number.NaN };
    }
  }

  logTail(lines = 30): string {
    try {
      const text = readFileSync(this.logFile, 'utf8')
        .trimEnd()
        .split('\n')
        .slice(-lines)
        .join('\n');
      return `--- last log lines of ${this.service} ---\n${text}\n---`;
    } catch {
      return `(no log for ${this.service})`;
    }
  }

  /** Graceful stop (SIGTERM), SIGKILL after 15 s (60 s when profiling); removes the log file. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolvePromise) => {
        // A --cpu-prof profile is written at exit and can take a while: do not kill it meanwhile.
        const graceMs = PROFILING ? 60_000 : 15_000;
        const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('exit', () => {
          clearTimeout(killer);
          resolvePromise();
        });
        child.kill('SIGTERM');
      });
    }
    rmSync(this.logFile, { force: true });
  }
}

// Whatever ends this process (a crash included), no service it started outlives it.
const RUNNING = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of RUNNING) child.kill('SIGKILL');
});

/** `npm run build` starts with `rm -rf dist`: if someone rebuilds meanwhile, wait for the file. */
async function waitForBuild(entry: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let warned = false;
  while (!existsSync(entry)) {
    if (Date.now() > deadline) throw new Error(`${entry} is missing: run "npm run build" first`);
    if (!warned) console.log(`  waiting for ${entry} (dist/ is being rebuilt?)`);
    warned = true;
    await sleep(500);
  }
  // Let a concurrent build finish writing the files the entry point requires.
  if (warned) await sleep(3000);
}
