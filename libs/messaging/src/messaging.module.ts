import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '@mrm/timers';
import { DeadLetterPublisher } from './dead-letters/dead-letter.publisher';
import { JetStreamConnection } from './jetstream.connection';
import { MessagingMetrics } from './messaging.metrics';
import type { MessagingOptions } from './messaging.options';
import { MESSAGING_OPTIONS } from './messaging.tokens';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxWriter } from './outbox/outbox.writer';
import { MessagePruner } from './pruning/message.pruner';
import { JetStreamClient } from './transport/jetstream.client';
import { JetStreamServer } from './transport/jetstream.server';

/**
 * The event backbone of one service: connection and streams, the outbox writer and its relay, the
 * JetStream transport (server and client) and dead-lettering. Requires a TypeORM DataSource and a
 * `MetricsRegistry` in the application.
 */
@Global()
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        JetStreamConnection,
        MessagingMetrics,
        JetStreamClient,
        OutboxWriter,
        OutboxRelay,
        DeadLetterPublisher,
        JetStreamServer,
        // The pruner's "now"; a test's ManualClock replaces it.
        { provide: Clock, useClass: SystemClock },
        MessagePruner,
      ],
      exports: [
        JetStreamConnection,
        DeadLetterPublisher,
        JetStreamClient,
        JetStreamServer,
        OutboxWriter,
        OutboxRelay,
        MessagePruner,
        MESSAGING_OPTIONS,
      ],
    };
  }
}
