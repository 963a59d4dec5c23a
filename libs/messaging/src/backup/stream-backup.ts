import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JetStreamClient, JetStreamManager, StreamConfig } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';

/** One message of a stream as written to `messages.jsonl`. */
export interface BackedUpMessage {
  readonly seq: number;
  readonly subject: string;
  readonly time: string;
  readonly headers: Record<string, string[]>;
  /** Base64 of the payload. */
  readonly data: string;
}

export interface StreamBackupReport {
  readonly stream: string;
  readonly messages: number;
}

/**
 * Snapshots of JetStream streams into a directory, one folder per stream: `config.json` (the
 * stream's configuration) and `messages.jsonl` (every message with subject, headers and payload).
 * Read through an ordered consumer, so the backup needs no durable state on the server. A restore
 * re-creates each stream and republishes its messages in order; sequence numbers start again from
 * 1, and the services' consumers are re-created from the start of the stream (their inboxes skip
 * what their databases already hold): docs/operations/backup-and-restore.md.
 */
export class StreamBackup {
  constructor(
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
  ) {}

  /** Names of the streams whose name starts with `prefix` (the namespace's, or all with ''). */
  async streams(prefix = ''): Promise<string[]> {
    const names: string[] = [];
    for await (const info of this.jsm.streams.list()) {
      if (info.config.name.startsWith(prefix)) names.push(info.config.name);
    }
    return names.sort();
  }

  async backup(stream: string, directory: string): Promise<StreamBackupReport> {
    const info = await this.jsm.streams.info(stream);
    const folder = join(directory, stream);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'config.json'), `${JSON.stringify(info.config, null, 2)}\n`);
    const lines: string[] = [];
    // The stream may grow during the backup: stop at the last sequence it had when we started.
    const last = info.state.last_seq;
    if (info.state.messages > 0) {
      const consumer = await this.js.consumers.get(stream);
      const messages = await consumer.consume();
      for await (const m of messages) {
        const names = m.headers ? [...m.headers.keys()] : [];
        const message: BackedUpMessage = {
          seq: m.seq,
          subject: m.subject,
          time: m.time.toISOString(),
          headers: Object.fromEntries(names.map((name) => [name, m.headers!.values(name)])),
          data: Buffer.from(m.data).toString('base64'),
        };
        lines.push(JSON.stringify(message));
        if (m.seq >= last || m.info.pending === 0) break;
      }
      await messages.close();
    }
    await writeFile(join(folder, 'messages.jsonl'), lines.map((line) => `${line}\n`).join(''));
    return { stream, messages: lines.length };
  }

  /** The stream folders of a backup directory. */
  async backedUpStreams(directory: string): Promise<string[]> {
    const entries = await readdir(directory, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  }

  /**
   * Re-creates a stream from its folder and republishes its messages. Refuses a stream that
   * exists with messages: restoring over live data would duplicate it.
   */
  async restore(stream: string, directory: string): Promise<StreamBackupReport> {
    const folder = join(directory, stream);
    const config = JSON.parse(await readFile(join(folder, 'config.json'), 'utf8')) as StreamConfig;
    const existing = await this.jsm.streams.info(stream).catch(() => null);
    if (existing && existing.state.messages > 0) {
      throw new Error(`stream ${stream} exists with ${existing.state.messages} messages`);
    }
    if (!existing) await this.jsm.streams.add(config);
    const text = await readFile(join(folder, 'messages.jsonl'), 'utf8');
    let count = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const message = JSON.parse(line) as BackedUpMessage;
      const natsHeaders = headers();
      for (const [name, values] of Object.entries(message.headers)) {
        for (const value of values) natsHeaders.append(name, value);
      }
      await this.js.publish(message.subject, Buffer.from(message.data, 'base64'), {
        headers: natsHeaders,
      });
      count++;
    }
    return { stream, messages: count };
  }
}
