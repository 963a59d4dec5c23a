import { percentDecodeHeaderValue } from '@mrm/contracts';
import { DeliverPolicy, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';

// The CloudEvents attributes a consumer must read from the headers (binary mode); the raw side
// reads each one, percent-decoded, as the real path does, and checks the required ones exist.
const CE_REQUIRED_HEADERS = [
  'ce-id',
  'ce-source',
  'ce-type',
  'ce-specversion',
  'ce-time',
  'ce-subject',
  'ce-correlationid',
] as const;
const CE_OPTIONAL_HEADERS = ['ce-datacontenttype', 'ce-causationid', 'traceparent'];

/** A message as a bare consumer sees it: its required CloudEvents attributes and parsed body. */
export interface RawMessage {
  readonly id: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly data: Record<string, unknown>;
}

/**
 * A ceiling's consume loop: from the first message to the stream's last sequence with an ordered
 * consumer; for each message the NATS headers decoded, the CloudEvents attributes read
 * (percent-decoded) and `JSON.parse` of the body, as any consumer must; batches of `batchSize`
 * handed to `write`, the next batch decoded while the previous one is written (one write at a
 * time, as the rebuild does). No contract validation, no envelope, no framework.
 */
export async function consumeRaw(input: {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly stream: string;
  readonly batchSize: number;
  readonly write: (batch: RawMessage[]) => Promise<void>;
}): Promise<{ read: number }> {
  const { js, jsm, stream, batchSize, write } = input;
  const untilSeq = (await jsm.streams.info(stream)).state.last_seq;
  if (untilSeq === 0) return { read: 0 };
  let read = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const consumer = await js.consumers.get(stream, { deliver_policy: DeliverPolicy.All });
  const iterator = await consumer.consume({ max_messages: Math.max(256, batchSize * 2) });
  let batch: RawMessage[] = [];
  try {
    for await (const message of iterator) {
      read += 1;
      const headers = message.headers;
      const attribute = (name: (typeof CE_REQUIRED_HEADERS)[number]) => {
        const value = headers?.get(name);
        if (!value) throw new Error(`message #${read} of ${stream} has no ${name}`);
        return percentDecodeHeaderValue(value);
      };
      const attributes = CE_REQUIRED_HEADERS.map(attribute);
      for (const name of CE_OPTIONAL_HEADERS) {
        const value = headers?.get(name);
        if (value) percentDecodeHeaderValue(value);
      }
      const body = message.data;
      batch.push({
        id: attributes[0],
        type: attributes[2],
        subject: attributes[5],
        time: attributes[4],
        data: JSON.parse(
          Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'),
        ) as Record<string, unknown>,
      });
      const atEnd = message.info.streamSequence >= untilSeq;
      if (batch.length >= batchSize || atEnd) {
        await writing;
        writing = write(batch);
        // Observed now, rethrown when awaited: no unhandled rejection meanwhile.
        writing.catch(() => undefined);
        batch = [];
      }
      if (atEnd) break;
    }
    await writing;
  } finally {
    iterator.stop();
    await writing.catch(() => undefined);
  }
  return { read };
}
