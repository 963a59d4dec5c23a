import { percentDecodeHeaderValue } from '@mrm/contracts';
import type { JetStreamManager, JetStreamClient, StoredMsg } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import type { BusNamespace } from '../bus-namespace';
import { DLQ_STREAM } from '../streams';
import { DeadLetterHeaders } from './dead-letter.headers';

/** A dead letter as an operator sees it. */
export interface DeadLetter {
  readonly sequence: number;
  readonly storedAt: string;
  readonly consumer: string;
  readonly reason: string;
  readonly error: string;
  readonly originStream: string;
  readonly originSequence: number;
  readonly originSubject: string;
  readonly eventType?: string;
  readonly eventId?: string;
  readonly deliveries: number;
}

export interface DeadLetterFilter {
  readonly consumer?: string;
  readonly reason?: string;
  readonly limit?: number;
}

/** Lists and replays dead letters; used by the operator command and by tests. */
export class DeadLetterStore {
  constructor(
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
    private readonly namespace: BusNamespace,
  ) {}

  private get stream(): string {
    return this.namespace.stream(DLQ_STREAM);
  }

  async list(filter: DeadLetterFilter = {}): Promise<DeadLetter[]> {
    const info = await this.jsm.streams.info(this.stream);
    const found: DeadLetter[] = [];
    const limit = filter.limit ?? 100;
    for (
      let seq = info.state.first_seq;
      seq <= info.state.last_seq && found.length < limit;
      seq += 1
    ) {
      const stored = await this.jsm.streams.getMessage(this.stream, { seq }).catch(() => null);
      if (!stored) continue;
      const letter = toDeadLetter(stored);
      if (filter.consumer && letter.consumer !== filter.consumer) continue;
      if (filter.reason && letter.reason !== filter.reason) continue;
      found.push(letter);
    }
    return found;
  }

  /**
   * Publishes the original message again on its original subject (consumers that had already
   * applied it skip it through their inbox), then removes the dead letter. A replay that fails
   * again comes back to the DLQ as a new dead letter.
   */
  async replay(sequence: number): Promise<DeadLetter> {
    const stored = await this.jsm.streams.getMessage(this.stream, { seq: sequence });
    if (!stored) throw new Error(`no dead letter #${sequence}`);
    const letter = toDeadLetter(stored);
    const replayHeaders = headers();
    for (const [name, values] of stored.header ?? []) {
      if (!name.startsWith('dlq-') && !name.startsWith('Nats-')) replayHeaders.set(name, values[0]);
    }
    replayHeaders.set('dlq-replayed-from', String(sequence));
    await this.js.publish(this.namespace.subject(letter.originSubject), stored.data, {
      msgID: `replay:${this.stream}:${sequence}`,
      headers: replayHeaders,
    });
    await this.jsm.streams.deleteMessage(this.stream, sequence, false);
    return letter;
  }
}

function toDeadLetter(stored: StoredMsg): DeadLetter {
  const header = (name: string) => stored.header?.get(name) ?? '';
  return {
    sequence: stored.seq,
    storedAt: stored.time.toISOString(),
    consumer: header(DeadLetterHeaders.consumer),
    reason: header(DeadLetterHeaders.reason),
    error: percentDecodeHeaderValue(header(DeadLetterHeaders.error)),
    originStream: header(DeadLetterHeaders.stream),
    originSequence: Number(header(DeadLetterHeaders.sequence)),
    originSubject: header(DeadLetterHeaders.subject),
    eventType: header('ce-type') || undefined,
    eventId: header('ce-id') || undefined,
    deliveries: Number(header(DeadLetterHeaders.deliveries)),
  };
}
