import { Inject, Injectable } from '@nestjs/common';
import { CustomTransportStrategy, Server, type MessageHandler } from '@nestjs/microservices';
import {
  fromBinaryMessage,
  findEventDefinition,
  validatePayload,
  type EventEnvelope,
  type Producer,
} from '@mrm/contracts';
import { MetricsRegistry, runWithContext } from '@mrm/observability';
import { isDatabaseUnreachable } from '@mrm/persistence';
import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { Gauge } from 'prom-client';
import { defaultIfEmpty, lastValueFrom } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';
import { DeadLetterPublisher } from '../dead-letters/dead-letter.publisher';
import type { DeadLetterReason } from '../dead-letters/dead-letter.headers';
import { isPermanentFailure } from '../errors';
import { JetStreamConnection } from '../jetstream.connection';
import { MESSAGING_OPTIONS } from '../messaging.tokens';
import type { MessagingOptions } from '../messaging.options';
import { MessagingMetrics, type ConsumeOutcome } from '../messaging.metrics';
import { producerOfSubject } from '../streams';
import { ensureDurableConsumer } from './consumer-provisioning';
import { DatabaseGate } from './database-gate';
import { JetStreamContext } from './jetstream.context';

const RETRY_LOOP_DELAY_MS = 1000;
// A delivery that met an unreachable database comes back after this, once the gate reopens.
const OUTAGE_NAK_DELAY_MS = 2000;
const FETCH_EXPIRES_MS = 2000;
const MAX_CACHED_SUBJECTS = 256;

/** Thrown inside the transaction to roll it back when the event was already applied. */
class DuplicateDelivery extends Error {}

/**
 * The consuming side of the JetStream transport for `@nestjs/microservices`. Every `@EventPattern`
 * subject becomes part of a durable pull consumer named after the service on the producer's stream.
 * Each delivery is decoded (binary CloudEvent), validated against its contract, then handled in one
 * database transaction together with the inbox row; it is acked only after that commits. Transient
 * failures are nak'ed with exponential backoff; invalid messages, business-rule rejections and the
 * last allowed delivery go to the DLQ stream and are terminated.
 */
@Injectable()
export class JetStreamServer extends Server implements CustomTransportStrategy {
  override readonly transportId = Symbol('JETSTREAM');
  private stopping = false;
  private readonly loops: Promise<void>[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly batches = new Set<ConsumerMessages>();
  private readonly consumed: Array<{ stream: string; durable: string }> = [];
  // Nest resolves a pattern to its handler by normalising it each time; the subjects are few and
  // the handlers are all registered before listen(), so each subject is resolved once.
  private readonly handlerBySubject = new Map<string, MessageHandler | null>();
  private readonly gate: DatabaseGate;

  constructor(
    private readonly connection: JetStreamConnection,
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly metrics: MessagingMetrics,
    registry: MetricsRegistry,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    super();
    this.gate = new DatabaseGate(dataSource);
    this.registerPendingGauges(registry);
  }

  listen(callback: (error?: unknown) => void): void {
    try {
      for (const [producer, subjects] of this.subjectsByProducer()) {
        this.loops.push(this.runConsumer(producer, subjects));
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Stops pulling, lets in-flight deliveries finish and commit; the connection drains later. */
  async close(): Promise<void> {
    this.stopping = true;
    this.gate.stop();
    for (const batch of this.batches) batch.stop();
    await Promise.allSettled(this.loops);
    await Promise.allSettled([...this.inFlight]);
  }

  on(): never {
    throw new Error('JetStreamServer does not expose transport events');
  }

  unwrap<T>(): T {
    return this.connection.nc as T;
  }

  /** The contract subjects this service handles, grouped by the stream (producer) carrying them. */
  private subjectsByProducer(): Map<Producer, string[]> {
    const subjects = new Map<Producer, string[]>();
    for (const [pattern, handler] of this.messageHandlers) {
      const producer = producerOfSubject(pattern);
      if (!handler.isEventHandler || !producer) {
        throw new Error(
          `Only @EventPattern handlers of contract subjects are supported: ${pattern}`,
        );
      }
      // Nest would run a second handler of the same subject concurrently with the first, on the
      // same transaction connection: one handler per subject, which calls features in order.
      if (handler.next) {
        throw new Error(`More than one @EventPattern handler for ${pattern} in one service`);
      }
      subjects.set(producer, [...(subjects.get(producer) ?? []), pattern]);
    }
    return subjects;
  }

  private async runConsumer(producer: Producer, subjects: readonly string[]): Promise<void> {
    while (!this.stopping) {
      try {
        await this.connection.ready();
        const { stream, durable } = await ensureDurableConsumer(
          this.connection.jsm,
          this.connection.namespace,
          producer,
          subjects,
          this.options,
          (message: string) => {
            this.logger.warn?.(message);
          },
        );
        if (!this.consumed.some((entry) => entry.stream === stream)) {
          this.consumed.push({ stream, durable });
        }
        const consumer = await this.connection.js.consumers.get(stream, durable);
        await this.pullUntilStopped(consumer);
      } catch (error) {
        if (this.stopping) return;
        this.logger.warn?.(
          `consumer of ${producer} events interrupted: ${(error as Error).message}`,
        );
        await delay(RETRY_LOOP_DELAY_MS);
      }
    }
  }

  // Fetches only as many messages as there are free handler slots, so nothing sits unprocessed in
  // this replica's buffer while another replica is idle, and a shutdown leaves nothing half-taken.
  private async pullUntilStopped(consumer: {
    fetch: (options: { max_messages: number; expires: number }) => Promise<ConsumerMessages>;
  }): Promise<void> {
    const mine = new Set<Promise<void>>();
    while (!this.stopping) {
      await this.gate.passable();
      if (this.stopping) break;
      const capacity = this.options.concurrency - mine.size;
      if (capacity <= 0) {
        await Promise.race(mine);
        continue;
      }
      const batch = await consumer.fetch({ max_messages: capacity, expires: FETCH_EXPIRES_MS });
      this.batches.add(batch);
      try {
        for await (const message of batch) {
          const task = this.handleMessage(message).finally(() => {
            mine.delete(task);
            this.inFlight.delete(task);
          });
          mine.add(task);
          this.inFlight.add(task);
        }
      } finally {
        this.batches.delete(batch);
      }
    }
  }

  // Never rejects: a rejected task would be an unhandled rejection, fatal to the process.
  private async handleMessage(message: JsMsg): Promise<void> {
    const started = process.hrtime.bigint();
    const pattern = this.connection.namespace.unprefixed(message.subject);
    const handler = this.handlerFor(pattern);
    if (!handler) {
      // Another event of a stream read whole (this service handles several of its subjects, or a
      // server kept a wider filter), which this service does not need: not even decoded.
      settle(() => message.ack());
      this.record(pattern, 'skipped', started);
      return;
    }
    let envelope: EventEnvelope;
    try {
      envelope = fromBinaryMessage((name) => message.headers?.get(name), message.data);
    } catch (error) {
      this.record(pattern, await this.deadLetter(message, 'undecodable', error), started);
      return;
    }
    let outcome: ConsumeOutcome;
    try {
      outcome = await this.process(message, pattern, envelope, handler);
    } catch (error) {
      // Unexpected (e.g. the connection closed mid-settlement): the server redelivers after ack_wait.
      this.logger.error?.(
        `${envelope.type} ${envelope.id} left unsettled: ${(error as Error).message}`,
      );
      outcome = 'nak';
    }
    this.record(envelope.type, outcome, started);
  }

  private record(type: string, outcome: ConsumeOutcome, started: bigint): void {
    this.metrics.consumed.inc({ consumer: this.options.service, type, outcome });
    if (outcome === 'ack' || outcome === 'duplicate') {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.handlerDuration.observe({ consumer: this.options.service, type }, seconds);
    }
  }

  private handlerFor(pattern: string): MessageHandler | null {
    let handler = this.handlerBySubject.get(pattern);
    if (handler === undefined) {
      handler = this.getHandlerByPattern(pattern);
      // Bounded: a stream may carry subjects nobody declared; those are simply not cached.
      if (this.handlerBySubject.size < MAX_CACHED_SUBJECTS) {
        this.handlerBySubject.set(pattern, handler);
      }
    }
    return handler;
  }

  private async process(
    message: JsMsg,
    pattern: string,
    envelope: EventEnvelope,
    handler: MessageHandler,
  ): Promise<ConsumeOutcome> {
    if (this.gate.spentDeliveries(message) > this.options.maxDeliver) {
      return this.deadLetter(
        message,
        'deliveries-exhausted',
        new Error('earlier deliveries never completed'),
      );
    }
    const definition = findEventDefinition(envelope.type);
    if (!definition) {
      return this.deadLetter(message, 'unknown-type', new Error(`unknown type ${envelope.type}`));
    }
    if (definition.subject !== pattern) {
      return this.deadLetter(
        message,
        'subject-mismatch',
        new Error(`${envelope.type} on ${pattern}`),
      );
    }
    const validation = validatePayload(definition, envelope.data);
    if (!validation.ok) {
      const detail = validation.violations.map((v) => `${v.field}: ${v.message}`).join('; ');
      return this.deadLetter(message, 'invalid-payload', new Error(detail));
    }
    // The envelope is this delivery's own (fresh from the decoder): swap its data, no copy.
    (envelope as { data: unknown }).data = validation.value;
    return this.invoke(message, handler, envelope);
  }

  private async invoke(
    message: JsMsg,
    handler: MessageHandler,
    envelope: EventEnvelope,
  ): Promise<ConsumeOutcome> {
    const heartbeat = setInterval(
      () => settle(() => message.working()),
      Math.max(1000, this.options.ackWaitMs / 2),
    );
    try {
      await this.dataSource.transaction(async (em) => {
        if (!(await this.recordInInbox(em, envelope))) throw new DuplicateDelivery();
        const context = new JetStreamContext([message, em, envelope]);
        await runWithContext(
          {
            correlationId: envelope.correlationid,
            causationId: envelope.id,
            traceparent: envelope.traceparent,
          },
          async () => {
            const result = this.transformToObservable(await handler(envelope, context));
            await lastValueFrom(result.pipe(defaultIfEmpty(undefined)));
          },
        );
      });
      settle(() => message.ack());
      return 'ack';
    } catch (error) {
      if (error instanceof DuplicateDelivery) {
        settle(() => message.ack());
        return 'duplicate';
      }
      // Not the message's fault: pause the consumers and try it again, budget untouched.
      if (isDatabaseUnreachable(error)) {
        this.gate.closeOn(message, error);
        settle(() => message.nak(OUTAGE_NAK_DELAY_MS));
        return 'nak';
      }
      return this.fail(message, envelope, error);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async recordInInbox(em: EntityManager, envelope: EventEnvelope): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO inbox_message (consumer, message_id, type) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING message_id`,
      [this.options.service, envelope.id, envelope.type],
    );
    return rows.length === 1;
  }

  private async fail(
    message: JsMsg,
    envelope: EventEnvelope,
    error: unknown,
  ): Promise<ConsumeOutcome> {
    const deliveries = this.gate.spentDeliveries(message);
    if (isPermanentFailure(error)) return this.deadLetter(message, 'rejected', error);
    if (deliveries >= this.options.maxDeliver) {
      return this.deadLetter(message, 'deliveries-exhausted', error);
    }
    const delayMs = Math.min(
      this.options.maxBackoffMs,
      this.options.baseBackoffMs * 2 ** (deliveries - 1),
    );
    this.logger.warn?.(
      `${envelope.type} ${envelope.id} failed (delivery ${deliveries}/${this.options.maxDeliver}), retry in ${delayMs} ms: ${(error as Error).message}`,
    );
    settle(() => message.nak(delayMs));
    return 'nak';
  }

  private async deadLetter(
    message: JsMsg,
    reason: DeadLetterReason,
    error: unknown,
  ): Promise<ConsumeOutcome> {
    try {
      await this.deadLetters.publish(message, reason, error);
    } catch (publishError) {
      // The copy is not stored: keep the original and try again later rather than lose it.
      this.logger.error?.(
        `cannot dead-letter ${message.subject}: ${(publishError as Error).message}`,
      );
      settle(() => message.nak(this.options.maxBackoffMs));
      return 'nak';
    }
    this.logger.error?.(
      `dead-lettered ${message.subject} #${message.info.streamSequence} (${reason}): ${(error as Error)?.message ?? error}`,
    );
    // The reason is in the dead letter already; older servers redeliver a term that carries one.
    settle(() => (this.connection.supportsTermReason() ? message.term(reason) : message.term()));
    return 'dead_letter';
  }

  private registerPendingGauges(registry: MetricsRegistry): void {
    const consumed = this.consumed;
    const connection = this.connection;
    const read = async (
      field: 'num_pending' | 'num_ack_pending',
      gauge: Gauge<'stream' | 'consumer'>,
    ) => {
      if (!connection.isConnected()) return;
      for (const { stream, durable } of consumed) {
        const info = await connection.jsm.consumers.info(stream, durable).catch(() => undefined);
        if (info) gauge.set({ stream, consumer: durable }, info[field]);
      }
    };
    new Gauge({
      name: 'mrm_consumer_pending_messages',
      help: 'Messages in the stream not yet delivered to this durable consumer',
      labelNames: ['stream', 'consumer'],
      registers: [registry.registry],
      async collect() {
        await read('num_pending', this);
      },
    });
    new Gauge({
      name: 'mrm_consumer_ack_pending_messages',
      help: 'Messages delivered to this durable consumer and not yet acknowledged',
      labelNames: ['stream', 'consumer'],
      registers: [registry.registry],
      async collect() {
        await read('num_ack_pending', this);
      },
    });
  }
}

// Acks, naks and progress signals fail once the connection is closing; the server then redelivers
// after ack_wait, which the inbox makes harmless.
function settle(action: () => void): void {
  try {
    action();
  } catch {
    // Nothing to do: redelivery covers it.
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
