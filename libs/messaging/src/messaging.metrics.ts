import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@mrm/observability';
import { Counter, Histogram } from 'prom-client';

export type ConsumeOutcome = 'ack' | 'duplicate' | 'skipped' | 'nak' | 'dead_letter';

/** The backbone's counters; gauges that need I/O live with their owners and are read at scrape time. */
@Injectable()
export class MessagingMetrics {
  readonly published: Counter<'type'>;
  readonly publishFailures: Counter;
  readonly consumed: Counter<'consumer' | 'type' | 'outcome'>;
  readonly handlerDuration: Histogram<'consumer' | 'type'>;

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.published = new Counter({
      name: 'mrm_events_published_total',
      help: 'Events published from the outbox to JetStream',
      labelNames: ['type'],
      registers,
    });
    this.publishFailures = new Counter({
      name: 'mrm_outbox_publish_failures_total',
      help: 'Outbox rows whose publication failed and will be retried',
      registers,
    });
    this.consumed = new Counter({
      name: 'mrm_events_consumed_total',
      help: 'Events received by consumers, by outcome',
      labelNames: ['consumer', 'type', 'outcome'],
      registers,
    });
    this.handlerDuration = new Histogram({
      name: 'mrm_event_handler_duration_seconds',
      help: 'Time from receipt to commit of an event handler (including the inbox write)',
      labelNames: ['consumer', 'type'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
  }
}
