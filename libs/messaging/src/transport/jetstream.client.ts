import { Injectable } from '@nestjs/common';
import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { toBinaryHeaders, NATS_MSG_ID_HEADER, type EventEnvelope } from '@mrm/contracts';
import type { PubAck } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import { contractSubjectOf } from '../contract-subject';
import { JetStreamConnection } from '../jetstream.connection';
import { MessagingMetrics } from '../messaging.metrics';

const PUBLISH_TIMEOUT_MS = 5000;

/**
 * The publishing side of the JetStream transport: a `ClientProxy` whose events are binary-mode
 * CloudEvents with `Nats-Msg-Id` = event id. Only the outbox relay (and operator tools) call it;
 * request-response is deliberately not offered over the event bus.
 */
@Injectable()
export class JetStreamClient extends ClientProxy {
  constructor(
    private readonly connection: JetStreamConnection,
    private readonly metrics: MessagingMetrics,
  ) {
    super();
  }

  async connect(): Promise<NatsConnection> {
    await this.connection.ready();
    return this.connection.nc;
  }

  async close(): Promise<void> {
    // The connection belongs to JetStreamConnection, which drains it at shutdown.
  }

  unwrap<T>(): T {
    return this.connection.nc as T;
  }

  /**
   * Publishes one envelope and waits for the stream's acknowledgement; on its contract's subject
   * unless `routedSubject` (without namespace) says otherwise.
   */
  async publishEnvelope(
    envelope: EventEnvelope,
    timeout = PUBLISH_TIMEOUT_MS,
    routedSubject?: string,
  ): Promise<PubAck> {
    const subject = this.connection.namespace.subject(routedSubject ?? contractSubjectOf(envelope));
    return this.publishRaw(
      subject,
      envelope.id,
      toBinaryHeaders(envelope),
      JSON.stringify(envelope.data),
      {
        type: envelope.type,
        timeout,
      },
    );
  }

  /** Publishes pre-encoded headers and body (dead letters, replays). */
  async publishRaw(
    subject: string,
    msgId: string,
    headerValues: Record<string, string>,
    body: string | Uint8Array,
    options: { type: string; timeout?: number },
  ): Promise<PubAck> {
    const natsHeaders = headers();
    for (const [name, value] of Object.entries(headerValues)) {
      if (name !== NATS_MSG_ID_HEADER) natsHeaders.set(name, value);
    }
    const ack = await this.connection.js.publish(subject, body, {
      msgID: msgId,
      headers: natsHeaders,
      timeout: options.timeout ?? PUBLISH_TIMEOUT_MS,
    });
    this.metrics.published.inc({ type: options.type });
    return ack;
  }

  protected async dispatchEvent<T = PubAck>(packet: ReadPacket<EventEnvelope>): Promise<T> {
    return (await this.publishEnvelope(packet.data)) as T;
  }

  protected publish(_packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    callback({ err: new Error('JetStream carries events only: use emit(), not send()') });
    return () => undefined;
  }
}
