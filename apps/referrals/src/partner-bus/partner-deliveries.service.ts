import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { PARTNERS_STREAM, parsePartnerSubject } from '@mrm/contracts';
import { addPullConsumerIfMissing, JetStreamConnection } from '@mrm/messaging';
import { MetricsRegistry } from '@mrm/observability';
import { SERVICE_CONFIG } from '@mrm/runtime';
import { Clock } from '@mrm/timers';
import type { JsMsg } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { Counter, Gauge } from 'prom-client';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReferralsConfig } from '../referrals.config';
import { PartnerDeliveryEntity } from './partner-delivery.entity';
import { PartnerSystemEntity } from './partner-system.entity';
import { PartnerConsumers } from './partner-consumers';

// Referrals' own consumer on PARTNERS: it reads the headers of what was published, for receipts.
const RECEIPTS_DURABLE = 'referrals';
const FETCH_BATCH = 256;
const FETCH_EXPIRES_MS = 2000;
const RETRY_DELAY_MS = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Receipts per hop of every message sent to a partner: published (read from `PARTNERS` by a
 * consumer of referrals' own, headers only), delivered (the partner's consumer delivered past its
 * sequence), acknowledged (the partner's answer about the referral). The same sweep notes when a
 * partner last fetched, and flags those idle longer than `PARTNER_FETCH_STALE_AFTER`.
 */
@Injectable()
export class PartnerDeliveries implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PartnerDeliveries.name);
  private stopping = false;
  private loop?: Promise<void>;
  private sweepTimer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private readonly hops: Counter<'partner' | 'hop'>;
  private readonly lastDelivered = new Map<string, number>();

  constructor(
    private readonly connection: JetStreamConnection,
    private readonly dataSource: DataSource,
    private readonly consumers: PartnerConsumers,
    private readonly clock: Clock,
    registry: MetricsRegistry,
    @Inject(SERVICE_CONFIG) private readonly config: ReferralsConfig,
  ) {
    const registers = [registry.registry];
    this.hops = new Counter({
      name: 'mrm_partner_delivery_hops_total',
      help: 'Messages to partners reaching each hop: published, delivered, acknowledged',
      labelNames: ['partner', 'hop'],
      registers,
    });
    const stale = (): Promise<Array<{ bus_code: string; stale: boolean }>> =>
      this.dataSource.query(
        `SELECT bus_code, coalesce(last_fetch_at, registered_at) < now() - make_interval(secs => $1) AS stale
           FROM partner_system WHERE status = 'active'`,
        [this.config.PARTNER_FETCH_STALE_AFTER],
      );
    new Gauge({
      name: 'mrm_partner_stale',
      help: 'Whether an active partner system has not fetched for PARTNER_FETCH_STALE_AFTER seconds',
      labelNames: ['partner'],
      registers,
      async collect() {
        for (const row of await stale().catch(() => [])) {
          this.set({ partner: row.bus_code }, row.stale ? 1 : 0);
        }
      },
    });
  }

  onApplicationBootstrap(): void {
    this.loop = this.readPublished();
    this.sweepTimer = setInterval(() => {
      this.sweeping ??= this.sweep()
        .catch((error: unknown) => this.logger.warn(`receipts sweep: ${(error as Error).message}`))
        .finally(() => (this.sweeping = undefined));
    }, this.config.PARTNER_RECEIPTS_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.sweepTimer);
    await Promise.allSettled([this.loop, this.sweeping]);
  }

  /**
   * The answer about a referral acknowledges every message sent about it until then, and the one
   * it names as its cause (`ce-causationid`) even if its publication is not recorded yet.
   */
  async acknowledge(
    em: EntityManager,
    input: { busCode: string; referralId: string; answerId: string; messageId?: string },
  ): Promise<void> {
    if (input.messageId && UUID.test(input.messageId)) {
      await em.query(
        `INSERT INTO partner_delivery
           (message_id, referral_id, bus_code, event, delivered_at, acknowledged_at, answer_id)
         VALUES ($1, $2, $3, 'requested', now(), now(), $4)
         ON CONFLICT (message_id) DO UPDATE SET
           acknowledged_at = coalesce(partner_delivery.acknowledged_at, now()),
           delivered_at = coalesce(partner_delivery.delivered_at, now()),
           answer_id = coalesce(partner_delivery.answer_id, EXCLUDED.answer_id)
         WHERE partner_delivery.bus_code = EXCLUDED.bus_code`,
        [input.messageId, input.referralId, input.busCode, input.answerId],
      );
    }
    const result: [unknown[], number] = await em.query(
      `UPDATE partner_delivery SET acknowledged_at = now(), answer_id = $3,
              delivered_at = coalesce(delivered_at, now())
        WHERE bus_code = $1 AND referral_id = $2 AND acknowledged_at IS NULL AND event <> 'notice'`,
      [input.busCode, input.referralId, input.answerId],
    );
    if (result[1] > 0) this.hops.inc({ partner: input.busCode, hop: 'acknowledged' }, result[1]);
  }

  async listFor(referralId: string): Promise<PartnerDeliveryEntity[]> {
    return this.dataSource.getRepository(PartnerDeliveryEntity).find({
      where: { referralId },
      order: { publishedAt: 'ASC', messageId: 'ASC' },
    });
  }

  /** Marks delivered what each partner's consumer delivered, and when each last fetched. */
  async sweep(): Promise<void> {
    if (!this.connection.isConnected()) return;
    const systems = await this.dataSource
      .getRepository(PartnerSystemEntity)
      .findBy({ status: 'active' });
    for (const system of systems) {
      const info = await this.consumers.info(system.busCode);
      if (!info) continue;
      const delivered = info.delivered.stream_seq;
      // The first sight of a consumer (a new partner, a restart) is a baseline, not a fetch:
      // otherwise an idle partner would look fresh again after every restart of referrals.
      const previous = this.lastDelivered.get(system.busCode);
      const fetching = info.num_waiting > 0 || (previous !== undefined && previous !== delivered);
      this.lastDelivered.set(system.busCode, delivered);
      if (fetching) {
        await this.dataSource.query(
          'UPDATE partner_system SET last_fetch_at = $2 WHERE partner_id = $1',
          [system.partnerId, this.clock.now()],
        );
      }
      const result: [unknown[], number] = await this.dataSource.query(
        `UPDATE partner_delivery SET delivered_at = now()
          WHERE bus_code = $1 AND delivered_at IS NULL AND stream_sequence <= $2`,
        [system.busCode, delivered],
      );
      if (result[1] > 0) this.hops.inc({ partner: system.busCode, hop: 'delivered' }, result[1]);
    }
  }

  private async readPublished(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.connection.ready();
        const stream = this.connection.namespace.stream(PARTNERS_STREAM);
        await this.ensureConsumer(stream);
        const consumer = await this.connection.js.consumers.get(stream, RECEIPTS_DURABLE);
        while (!this.stopping) {
          const batch = await consumer.fetch({
            max_messages: FETCH_BATCH,
            expires: FETCH_EXPIRES_MS,
          });
          const messages: JsMsg[] = [];
          for await (const message of batch) messages.push(message);
          if (messages.length === 0) continue;
          await this.recordPublished(messages);
          for (const message of messages) message.ack();
        }
      } catch (error) {
        if (this.stopping) return;
        this.logger.warn(`partner receipts interrupted: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
    }
  }

  // Headers only: the body (the encrypted package) is neither decoded nor stored.
  private async recordPublished(messages: JsMsg[]): Promise<void> {
    const rows = messages.flatMap((message) => {
      const parsed = parsePartnerSubject(this.connection.namespace.unprefixed(message.subject));
      const id = message.headers?.get('ce-id');
      if (!parsed || !id || !/^[0-9a-f-]{36}$/i.test(id)) return [];
      const subject = message.headers?.get('ce-subject') ?? '';
      return [
        {
          id,
          referralId: /^[0-9a-f-]{36}$/i.test(subject) ? subject : null,
          busCode: parsed.code,
          event: parsed.name,
          sequence: String(message.info.streamSequence),
          publishedAt: new Date(Math.floor(message.info.timestampNanos / 1e6)).toISOString(),
        },
      ];
    });
    if (rows.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO partner_delivery (message_id, referral_id, bus_code, event, stream_sequence, published_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::bigint[], $6::timestamptz[])
       ON CONFLICT (message_id) DO UPDATE SET
         event = EXCLUDED.event, stream_sequence = EXCLUDED.stream_sequence,
         published_at = EXCLUDED.published_at`,
      [
        rows.map((row) => row.id),
        rows.map((row) => row.referralId),
        rows.map((row) => row.busCode),
        rows.map((row) => row.event),
        rows.map((row) => row.sequence),
        rows.map((row) => row.publishedAt),
      ],
    );
    for (const row of rows) this.hops.inc({ partner: row.busCode, hop: 'published' });
  }

  private async ensureConsumer(stream: string): Promise<void> {
    await addPullConsumerIfMissing(this.connection.jsm, stream, {
      durable_name: RECEIPTS_DURABLE,
      filter_subject: this.connection.namespace.subject('partners.*.referrals.>'),
      ack_wait: nanos(30_000),
      max_ack_pending: 10_000,
      description: 'referrals recording what was published to partners (receipts)',
    });
  }
}
