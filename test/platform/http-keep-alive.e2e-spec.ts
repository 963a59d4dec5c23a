import type { ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { deleteNamespaceStreams, freePort, newNamespace, TestDatabase } from '@mrm/testing';
import {
  assertReportingBuilt,
  spawnReporting,
  stopProcess,
  waitUntilListening,
} from './built-reporting';
const LIVE = 'GET /health/live HTTP/1.1\r\nHost: reporting\r\nConnection: keep-alive\r\n\r\n';

/** Sends one request on `socket` and resolves with the status line of the answer. */
function exchange(socket: Socket, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      cleanUp();
      resolve(chunk.toString('latin1').split('\r\n')[0]);
    };
    const onClose = () => {
      cleanUp();
      reject(new Error('the service closed the connection'));
    };
    const cleanUp = () => {
      socket.off('data', onData);
      socket.off('close', onClose);
    };
    socket.on('data', onData);
    socket.on('close', onClose);
    socket.write(request);
  });
}

// A proxy in front (ingress, load balancer) keeps idle connections to the service for up to 60 s
// and reuses them: the service must not close them first. Node's own default is 5 s.
describe('HTTP keep-alive of a running service', () => {
  const namespace = newNamespace();
  let database: TestDatabase;
  let service: ChildProcess | undefined;
  let port: number;

  beforeAll(async () => {
    assertReportingBuilt();
    database = await TestDatabase.create('keepalive');
    port = await freePort();
    service = spawnReporting({ databaseUrl: database.url, namespace, port });
    await waitUntilListening(port);
  });

  afterAll(async () => {
    await stopProcess(service);
    await deleteNamespaceStreams(namespace);
    await database?.drop();
  });

  it('keeps an idle connection open beyond Node’s default 5 s', async () => {
    const socket = connect(port, '127.0.0.1');
    try {
      expect(await exchange(socket, LIVE)).toBe('HTTP/1.1 200 OK');

      await new Promise((resolve) => setTimeout(resolve, 6000));

      expect(socket.destroyed).toBe(false);
      expect(await exchange(socket, LIVE)).toBe('HTTP/1.1 200 OK');
    } finally {
      socket.destroy();
    }
  }, 20_000);
});
