import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICE_NAMES } from '@mrm/contracts';
import {
  ACCOUNTS_FILE_NAME,
  OPERATOR_USER,
  passwordVariableOf,
  renderClusterAccounts,
  renderKubernetesNatsConfig,
} from '@mrm/nats-authorization';
import { freePort, waitFor } from '@mrm/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { createUser } from '@nats-io/nkeys';
import { connect } from '@nats-io/transport-node';

const NATS_SERVER_BINARY = process.env.NATS_SERVER_BINARY ?? '/usr/sbin/nats-server';

/** A CA and one node certificate (server and client auth, for 127.0.0.1), made with openssl. */
function makeCertificates(dir: string): void {
  const run = (args: string[]) => {
    const result = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`openssl ${args[0]}: ${result.stderr}`);
  };
  writeFileSync(
    join(dir, 'node.ext'),
    'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n' +
      'extendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n',
  );
  run([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '1',
    '-subj',
    '/CN=mrm-test-nats-ca',
  ]);
  run([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'tls.key',
    '-out',
    'tls.csr',
    '-subj',
    '/CN=nats',
  ]);
  run([
    'x509',
    '-req',
    '-in',
    'tls.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'tls.crt',
    '-days',
    '1',
    '-extfile',
    'node.ext',
  ]);
}

interface Node {
  readonly process: ChildProcess;
  readonly clientPort: number;
  readonly monitorPort: number;
}

// The GENERATED Kubernetes nats.conf, run as a cluster on loopback (paths and ports moved, the
// routes given on the command line as the StatefulSet does): routes form over mutual TLS with the
// route password, a node with another password is refused, and clients need TLS and a user.
describe('the generated Kubernetes NATS configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mrm-nats-cluster-'));
  const passwords = Object.fromEntries(
    [...SERVICE_NAMES, OPERATOR_USER, 'sys'].map((user) => [
      passwordVariableOf(user),
      `${user}-pw`,
    ]),
  );
  const nodes: Node[] = [];
  let routePorts: number[];
  // The accounts file as the nats-accounts Secret holds it, where each node's include finds it
  // (../nats-accounts/ beside the node folders), with a partner as the directory would list it.
  mkdirSync(join(dir, 'nats-accounts'));
  writeFileSync(
    join(dir, 'nats-accounts', ACCOUNTS_FILE_NAME),
    renderClusterAccounts({ partners: [{ code: 'anapec', nkey: createUser().getPublicKey() }] }),
  );

  const startNode = async (index: number, routePassword: string): Promise<Node> => {
    const [clientPort, monitorPort] = [await freePort(), await freePort()];
    const nodeDir = join(dir, `n${index}`);
    mkdirSync(nodeDir, { recursive: true });
    const config = renderKubernetesNatsConfig()
      .replaceAll('/etc/nats-tls/', `${dir}/`)
      .replace('store_dir: /data', `store_dir: ${nodeDir}`)
      .replace('/var/run/nats/nats.pid', join(nodeDir, 'nats.pid'))
      .replace('listen: 0.0.0.0:6222', `listen: 127.0.0.1:${routePorts[index]}`);
    const file = join(nodeDir, 'nats.conf');
    writeFileSync(file, config);
    const routes = routePorts
      .slice(0, 2)
      .map((port) => `nats://route:${routePassword}@127.0.0.1:${port}`)
      .join(',');
    const child = spawn(
      NATS_SERVER_BINARY,
      [
        '-c',
        file,
        '-a',
        '127.0.0.1',
        '-p',
        String(clientPort),
        '-m',
        String(monitorPort),
        '--routes',
        routes,
      ],
      {
        stdio: 'ignore',
        env: {
          ...process.env,
          ...passwords,
          NATS_ROUTE_PASSWORD: routePassword,
          POD_NAME: `n${index}`,
        },
      },
    );
    const node = { process: child, clientPort, monitorPort };
    nodes.push(node);
    await waitFor(
      () =>
        routesOf(node).then(
          () => true,
          () => false,
        ),
      {
        what: `node ${index} monitoring`,
      },
    );
    return node;
  };
  const routesOf = async (node: Node): Promise<number> => {
    const response = await fetch(`http://127.0.0.1:${node.monitorPort}/routez`);
    return ((await response.json()) as { num_routes: number }).num_routes;
  };

  beforeAll(async () => {
    makeCertificates(dir);
    routePorts = [await freePort(), await freePort(), await freePort()];
  });

  afterAll(async () => {
    for (const node of nodes) {
      if (node.process.exitCode !== null) continue;
      await new Promise<void>((resolve) => {
        node.process.once('exit', () => resolve());
        node.process.kill('SIGTERM');
      });
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('forms authenticated TLS routes, refuses a wrong route password and plaintext clients', async () => {
    const first = await startNode(0, 'route-pw');
    await startNode(1, 'route-pw');
    await waitFor(async () => (await routesOf(first)) === 1, { what: 'the route between 0 and 1' });

    const intruder = await startNode(2, 'wrong-pw');
    // Give the intruder time to try (it retries every second); it never becomes a route.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await routesOf(intruder)).toBe(0);
    expect(await routesOf(first)).toBe(1);

    const tls = { caFile: join(dir, 'ca.crt') };
    const nc = await connect({
      servers: `tls://127.0.0.1:${first.clientPort}`,
      user: 'registration',
      pass: 'registration-pw',
      inboxPrefix: '_INBOX_registration',
      tls,
    });
    await expect(jetstreamManager(nc)).resolves.toBeTruthy();
    await nc.close();

    // Without the CA, without TLS, or without the right password: refused.
    await expect(
      connect({
        servers: `nats://127.0.0.1:${first.clientPort}`,
        user: 'registration',
        pass: 'registration-pw',
        timeout: 2000,
      }),
    ).rejects.toThrow();
    await expect(
      connect({
        servers: `tls://127.0.0.1:${first.clientPort}`,
        user: 'registration',
        pass: 'nope',
        tls,
        timeout: 2000,
      }),
    ).rejects.toThrow(/authorization/i);
  });
});
