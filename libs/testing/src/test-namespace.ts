import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { testNatsUrl } from './test-environment';

/** A unique NATS namespace (subject and stream prefix) for one test file. */
export function newNamespace(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

/** Deletes every stream of a namespace. */
export async function deleteNamespaceStreams(
  namespace: string,
  natsUrl = testNatsUrl(),
): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    const prefix = `${namespace.toUpperCase()}_`;
    for await (const stream of jsm.streams.list()) {
      if (stream.config.name.startsWith(prefix)) await jsm.streams.delete(stream.config.name);
    }
  } finally {
    await nc.close();
  }
}
