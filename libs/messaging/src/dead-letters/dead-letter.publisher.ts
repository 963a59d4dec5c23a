import { Inject, Injectable } from '@nestjs/common';
import { percentEncodeHeaderValue } from '@mrm/contracts';
import type { JsMsg } from '@nats-io/jetstream';
import { JetStreamConnection } from '../jetstream.connection';
import { MESSAGING_OPTIONS } from '../messaging.tokens';
import type { MessagingOptions } from '../messaging.options';
import { DLQ_SUBJECT_ROOT } from '../streams';
import { JetStreamClient } from '../transport/jetstream.client';
import { DeadLetterHeaders, type DeadLetterReason } from './dead-letter.headers';

/**
 * Copies a message that cannot be processed to the DLQ stream (`dlq.<consumer>.<subject>`) with the
 * reason and its origin. Only after the copy is stored may the original be terminated.
 */
@Injectable()
export class DeadLetterPublisher {
  constructor(
    private readonly connection: JetStreamConnection,
    private readonly client: JetStreamClient,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async publish(message: JsMsg, reason: DeadLetterReason, error: unknown): Promise<void> {
    const namespace = this.connection.namespace;
    const originalSubject = namespace.unprefixed(message.subject);
    const consumer = this.options.service;
    const headerValues: Record<string, string> = {};
    for (const [name, values] of message.headers ?? []) {
      if (!name.startsWith('Nats-')) headerValues[name] = values[0];
    }
    const detail = error instanceof Error ? error.message : String(error);
    Object.assign(headerValues, {
      [DeadLetterHeaders.reason]: reason,
      [DeadLetterHeaders.error]: percentEncodeHeaderValue(detail.slice(0, 1000)),
      [DeadLetterHeaders.consumer]: consumer,
      [DeadLetterHeaders.stream]: message.info.stream,
      [DeadLetterHeaders.sequence]: String(message.info.streamSequence),
      [DeadLetterHeaders.subject]: originalSubject,
      [DeadLetterHeaders.deliveries]: String(message.info.deliveryCount),
      [DeadLetterHeaders.failedAt]: new Date().toISOString(),
    });
    await this.client.publishRaw(
      namespace.subject(`${DLQ_SUBJECT_ROOT}.${consumer}.${originalSubject}`),
      // Re-dead-lettering the same delivery after a crash is de-duplicated.
      `dlq:${consumer}:${message.info.stream}:${message.info.streamSequence}`,
      headerValues,
      message.data,
      { type: 'dead-letter' },
    );
  }
}
