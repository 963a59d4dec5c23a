import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { deleteNamespaceStreams, newNamespace, testNatsUrl } from '@mrm/testing';
import { StreamBackup } from '../src/backup/stream-backup';
import { BusNamespace } from '../src/bus-namespace';

// `npm run streams:backup` / `streams:restore`: a stream backed up to a directory, deleted, and
// re-created from it holds the same messages (subject, headers, payload) in the same order.
describe('stream backup and restore', () => {
  const bus = new BusNamespace(newNamespace());
  const stream = bus.stream('REGISTRATION');
  const dir = mkdtempSync(join(tmpdir(), 'mrm-streams-'));
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  const contents = async () => {
    const info = await jsm.streams.info(stream);
    const out: string[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const m = (await jsm.streams.getMessage(stream, { seq }))!;
      out.push(
        `${m.subject} ${m.header.get('ce-id')} ${m.header.get('Nats-Msg-Id')} ${m.string()}`,
      );
    }
    return out;
  };

  beforeAll(async () => {
    nc = await connect({ servers: testNatsUrl() });
    jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: stream, subjects: [bus.subject('registration.>')] });
    const js = jetstream(nc);
    for (let i = 0; i < 25; i++) {
      const h = headers();
      h.set('ce-id', `event-${i}`);
      await js.publish(bus.subject(`registration.beneficiary.registered.v1`), `{"n":${i}}`, {
        headers: h,
        msgID: `event-${i}`,
      });
    }
  });

  afterAll(async () => {
    await nc?.close();
    await deleteNamespaceStreams(bus.prefix);
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a deleted stream to the same messages, and refuses to restore over live data', async () => {
    const sut = new StreamBackup(jsm, jetstream(nc));
    const before = await contents();
    expect(before).toHaveLength(25);

    expect(await sut.streams(bus.stream(''))).toEqual([stream]);
    expect(await sut.backup(stream, dir)).toEqual({ stream, messages: 25 });
    await expect(sut.restore(stream, dir)).rejects.toThrow(/exists with 25 messages/);

    await jsm.streams.delete(stream);
    expect(await sut.backedUpStreams(dir)).toEqual([stream]);
    expect(await sut.restore(stream, dir)).toEqual({ stream, messages: 25 });
    expect(await contents()).toEqual(before);
  });
});
