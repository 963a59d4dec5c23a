import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { SERVICE_NAMES } from '@mrm/contracts';
import { SERVICE_NODE_FLAGS } from '@mrm/runtime';

// `npm start`: the development runner. The five services as separate processes against the local
// PostgreSQL and NATS, each creating its database and migrating at start-up, with NODE_ENV
// defaulting to development (the public development secret and keys). Ctrl-C stops them all.
const children = new Map<string, ChildProcess>();
let stopping = false;

/**
 * Shared keys apply to every service, except the two that must differ per service (HTTP_PORT,
 * DATABASE_URL); `<SERVICE>_<KEY>` (e.g. REPORTING_HTTP_PORT) overrides any key for one service.
 */
function serviceEnv(service: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NODE_ENV: 'development', ...process.env };
  delete env.HTTP_PORT;
  delete env.DATABASE_URL;
  const prefix = `${service.toUpperCase()}_`;
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith(prefix)) env[key.slice(prefix.length)] = value;
  }
  return env;
}

function prefixLines(service: string, chunk: Buffer): string {
  return chunk
    .toString()
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => `${service.padEnd(13)}| ${line}\n`)
    .join('');
}

process.stdout.write(
  `npm start is the development runner: NODE_ENV=${process.env.NODE_ENV ?? 'development'}` +
    (process.env.NODE_ENV ? '\n' : ', development secret and keys; not for real data\n'),
);

for (const service of SERVICE_NAMES) {
  const child = spawn(
    process.execPath,
    [...SERVICE_NODE_FLAGS, join(__dirname, '..', 'apps', service, 'src', 'main.js')],
    {
      env: serviceEnv(service),
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefixLines(service, chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefixLines(service, chunk)));
  child.on('exit', (code, signal) => {
    children.delete(service);
    if (!stopping) {
      process.stderr.write(`${service} exited (${signal ?? code}); stopping the others\n`);
      stopAll(1);
    } else if (children.size === 0) {
      process.exit(process.exitCode ?? 0);
    }
  });
  children.set(service, child);
}

function stopAll(exitCode: number): void {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  for (const child of children.values()) child.kill('SIGTERM');
  if (children.size === 0) process.exit(exitCode);
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
