import { execFileSync } from 'node:child_process';
import { connect } from '@nats-io/transport-node';
import { Client } from 'pg';
import { testDatabaseServerUrl, testNatsUrl } from './test-environment';

const containers: Array<{ stop: () => Promise<unknown> }> = [];

function dockerEngineRuns(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

// With a container runtime, throw-away PostgreSQL and NATS; otherwise the machine's own services.
async function startContainers(): Promise<void> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const { NatsContainer } = await import('@testcontainers/nats');
  const postgres = await new PostgreSqlContainer('postgres:15-alpine')
    .withUsername('postgres')
    .start();
  const nats = await new NatsContainer('nats:2.10-alpine')
    .withJetStream()
    .withArg('user', '')
    .start();
  containers.push(postgres, nats);
  process.env.TEST_DATABASE_URL = postgres.getConnectionUri().replace(/\/[^/]*$/, '/postgres');
  process.env.TEST_NATS_URL = `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`;
}

async function assertReachable(): Promise<void> {
  const client = new Client({ connectionString: testDatabaseServerUrl() });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${testDatabaseServerUrl()}: ${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  try {
    const nc = await connect({ servers: testNatsUrl(), timeout: 3000 });
    await nc.close();
  } catch (error) {
    throw new Error(`NATS is not reachable at ${testNatsUrl()}: ${(error as Error).message}`);
  }
}

export default async function globalSetup(): Promise<void> {
  if (process.env.TESTCONTAINERS !== 'off' && dockerEngineRuns()) {
    await startContainers();
  }
  await assertReachable();
  (globalThis as { __MRM_CONTAINERS__?: typeof containers }).__MRM_CONTAINERS__ = containers;
}
