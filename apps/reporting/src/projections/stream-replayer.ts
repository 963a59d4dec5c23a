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
  /** First stream sequence to read (a catch-up after an earlier replay); the whole stream when absent. */
  readonly startSequence?: number;
  /** Only these event types are handed over; others are read and passed by. */
  readonly types: ReadonlySet<string>;
  /** `last` is the stream sequence and event time of the batch's last message read. */
  readonly onBatch: (
    events: EventEnvelope[],
    last: { sequence: number; time: string | undefined },
  ) => Promise<void>;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ReplayResult {
  readonly read: number;
  readonly applied: number;
  /** Messages that do not decode or validate: live consumers dead-lettered them too. */
  readonly invalid: number;
  /** The last stream sequence the replay read up to (0 when the stream was empty). */
  readonly untilSequence: number;
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
  const from = Math.max(input.startSequence ?? 1, info?.state.first_seq ?? 1);
  const total = info ? Math.max(0, untilSeq - from + 1) : 0;
  if (!info || total === 0 || info.state.messages === 0) {
    return { read: 0, applied: 0, invalid: 0, untilSequence: untilSeq };
  }
  const consumer = await input.js.consumers.get(
    input.stream,
    input.startSequence === undefined
      ? { deliver_policy: DeliverPolicy.All }
      : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: from },
  );
  const messages = await consumer.consume({ max_messages: Math.max(256, input.batchSize * 2) });
  let batch: EventEnvelope[] = [];
  let read = 0;
  let applied = 0;
  let invalid = 0;
  let last: { sequence: number; time: string | undefined } = { sequence: 0, time: undefined };
  // The batch being written; its rejection is observed at once (no unhandled rejection) and
  // rethrown by the next flush or at the end.
  let writing: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  const flush = async () => {
    await writing;
    if (failure) throw failure.error;
    const events = batch;
    const upTo = last;
    batch = [];
    writing = (events.length > 0 ? input.onBatch(events, upTo) : Promise.resolve()).then(
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
      last = { sequence: message.info.streamSequence, time: envelope?.time ?? last.time };
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
  return { read, applied, invalid, untilSequence: untilSeq };
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
