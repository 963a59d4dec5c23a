import {
  findEventDefinition,
  fromBinaryMessage,
  validatePayload,
  type EventEnvelope,
} from '@mrm/contracts';
import { DeliverPolicy, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { isNotFound } from '@mrm/messaging';

export interface ReplayInput {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly stream: string;
  readonly batchSize: number;
  /** Only these event types are handed over; others are read and passed by. */
  readonly types: ReadonlySet<string>;
  readonly onBatch: (events: EventEnvelope[]) => Promise<void>;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ReplayResult {
  readonly read: number;
  readonly applied: number;
  /** Messages that do not decode or validate: live consumers dead-lettered them too. */
  readonly invalid: number;
}

/**
 * Reads a stream from its first message to the last one present when the replay starts, with an
 * ordered (ephemeral, flow-controlled) consumer, and hands valid events over in batches.
 *
 * Batches are applied one at a time and in stream order, but the next batch is decoded and
 * validated while the previous one is being written: `onBatch` of batch n+1 starts only after
 * batch n succeeded, and the first failure stops the replay and is thrown.
 */
export async function replayStream(input: ReplayInput): Promise<ReplayResult> {
  const info = await input.jsm.streams.info(input.stream).catch((error: unknown) => {
    if (isNotFound(error)) return undefined;
    throw error;
  });
  const untilSeq = info?.state.last_seq ?? 0;
  const total = info?.state.messages ?? 0;
  if (!info || total === 0) return { read: 0, applied: 0, invalid: 0 };
  const consumer = await input.js.consumers.get(input.stream, {
    deliver_policy: DeliverPolicy.All,
  });
  const messages = await consumer.consume({ max_messages: Math.max(256, input.batchSize * 2) });
  let batch: EventEnvelope[] = [];
  let read = 0;
  let applied = 0;
  let invalid = 0;
  // The batch being written; its rejection is observed at once (no unhandled rejection) and
  // rethrown by the next flush or at the end.
  let writing: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  const flush = async () => {
    await writing;
    if (failure) throw failure.error;
    const events = batch;
    batch = [];
    writing = (events.length > 0 ? input.onBatch(events) : Promise.resolve()).then(
      () => {
        applied += events.length;
        input.onProgress?.(read, total);
      },
      (error: unknown) => {
        failure = { error };
      },
    );
  };
  try {
    for await (const message of messages) {
      read += 1;
      const envelope = decodeValid(message.headers, message.data);
      if (envelope === undefined) invalid += 1;
      else if (input.types.has(envelope.type)) batch.push(envelope);
      const atEnd = message.info.streamSequence >= untilSeq || message.info.pending === 0;
      if (batch.length >= input.batchSize || atEnd) await flush();
      if (atEnd) break;
    }
    await writing;
    if (failure) throw failure.error;
  } finally {
    messages.stop();
    // Never leave a write running behind the caller's back (its transaction ends after us).
    await writing;
  }
  return { read, applied, invalid };
}

function decodeValid(
  headers: { get(name: string): string } | undefined,
  body: Uint8Array,
): EventEnvelope | undefined {
  try {
    const envelope = fromBinaryMessage((name) => headers?.get(name), body);
    const definition = findEventDefinition(envelope.type);
    if (!definition) return undefined;
    const validation = validatePayload(definition, envelope.data);
    if (!validation.ok) return undefined;
    // The envelope is ours (fresh from the decoder): replace its data instead of copying it.
    (envelope as { data: unknown }).data = validation.value;
    return envelope;
  } catch {
    return undefined;
  }
}
