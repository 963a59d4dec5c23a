import type { ChildProcess } from 'node:child_process';
import {
  deleteNamespaceStreams,
  freePort,
  newNamespace,
  TestDatabase,
  waitFor,
} from '@mrm/testing';
import {
  assertReportingBuilt,
  spawnReporting,
  stopProcess,
  waitUntilListening,
} from './built-reporting';

interface AccessLine {
  readonly message: string;
  readonly req?: { readonly url: string };
}

// Services write their logs in blocks of a few kilobytes (one write per line cost a system call per
// request). A quiet service must still show a request's line within about a second, and a stopping
// one must write every line it still holds.
describe('access log of a running service', () => {
  const namespace = newNamespace();
  let database: TestDatabase;
  let service: ChildProcess | undefined;
  let port: number;
  let output = '';

  // Complete lines only: a chunk may end in the middle of one.
  const accessLines = (): AccessLine[] =>
    output
      .split('\n')
      .slice(0, -1)
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as AccessLine)
      .filter((line) => line.message === 'request completed');

  beforeAll(async () => {
    assertReportingBuilt();
    database = await TestDatabase.create('accesslog');
    port = await freePort();
    service = spawnReporting({
      databaseUrl: database.url,
      namespace,
      port,
      logLevel: 'info',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    service.stdout!.setEncoding('utf8');
    service.stdout!.on('data', (chunk: string) => (output += chunk));
    await waitUntilListening(port);
  });

  afterAll(async () => {
    await stopProcess(service, 'SIGKILL');
    await deleteNamespaceStreams(namespace);
    await database?.drop();
  });

  it('shows its start-up lines, then a lone request, within about a second each', async () => {
    // Health checks are not logged, so nothing but the flush interval brings these out.
    await waitFor(() => output.includes('listening on'), {
      what: 'the start-up lines',
      timeoutMs: 3000,
    });

    // The query string may hold personal data (a phone, a name): it is never logged.
    const response = await fetch(
      `http://127.0.0.1:${port}/api/v1/lone-route?phone=%2B212612345678`,
    );
    expect(response.status).toBe(404);

    await waitFor(() => accessLines().some((line) => line.req?.url === '/api/v1/lone-route'), {
      what: 'the access log line of the lone request',
      timeoutMs: 3000,
    });
    expect(output).not.toContain('212612345678');
  });

  it('writes every line it still holds when stopped', async () => {
    for (let index = 0; index < 5; index += 1) {
      await fetch(`http://127.0.0.1:${port}/api/v1/last-route-${index}`);
    }
    // Until 'close', not 'exit': the last block may still be in the pipe when the process exits.
    await stopProcess(service, 'SIGTERM');

    const last = accessLines()
      .map((line) => line.req?.url ?? '')
      .filter((url) => url.startsWith('/api/v1/last-route-'));
    expect(last).toHaveLength(5);
  });
});
