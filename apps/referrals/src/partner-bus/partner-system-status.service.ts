import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@mrm/runtime';
import { Clock } from '@mrm/timers';
import { DataSource } from 'typeorm';
import { PartnersService } from '../partners/partners.service';
import type { ReferralsConfig } from '../referrals.config';
import { PartnerConsumers } from './partner-consumers';
import { PartnerDeliveryEntity } from './partner-delivery.entity';
import { PartnerSystemEntity } from './partner-system.entity';

/** Where a partner's own system stands on the bus: credentials, fetching, backlog. */
export interface PartnerSystemStatus {
  readonly partnerId: string;
  readonly system: PartnerSystemEntity | null;
  /** Its durable's backlog, or null when NATS or the durable cannot be read (or revoked). */
  readonly backlog: {
    readonly pending: number;
    readonly ackPending: number;
    readonly oldestUndeliveredAt: Date | null;
  } | null;
  readonly stale: boolean;
  readonly staleAfterSeconds: number;
  readonly now: Date;
}

/**
 * Reads a partner system's state for coordinators: the directory row, its consumer on
 * `PARTNERS` and the receipts. `stale` uses the rule of the `mrm_partner_stale` metric.
 */
@Injectable()
export class PartnerSystemStatusReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly partners: PartnersService,
    private readonly consumers: PartnerConsumers,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: ReferralsConfig,
  ) {}

  async read(partnerId: string): Promise<PartnerSystemStatus> {
    // 404 for a partner that is not in the directory.
    await this.partners.get({ partnerId });
    const system = await this.dataSource
      .getRepository(PartnerSystemEntity)
      .findOneBy({ partnerId });
    const now = this.clock.now();
    const staleAfterSeconds = this.config.PARTNER_FETCH_STALE_AFTER;
    const base = { partnerId, system, staleAfterSeconds, now };
    if (!system || system.status !== 'active') return { ...base, backlog: null, stale: false };
    const lastSeen = system.lastFetchAt ?? system.registeredAt;
    const stale = lastSeen.getTime() < now.getTime() - staleAfterSeconds * 1000;
    const info = await this.consumers.info(system.busCode).catch(() => undefined);
    if (!info) return { ...base, backlog: null, stale };
    return {
      ...base,
      stale,
      backlog: {
        pending: info.num_pending,
        ackPending: info.num_ack_pending,
        oldestUndeliveredAt:
          info.num_pending > 0
            ? await this.oldestPublishedAfter(system.busCode, info.delivered.stream_seq)
            : null,
      },
    };
  }

  // The receipts hold each message's stream sequence and publication time: the first one past
  // the durable's delivered sequence is the oldest the partner has not fetched yet.
  private async oldestPublishedAfter(busCode: string, deliveredSequence: number) {
    const row = await this.dataSource
      .getRepository(PartnerDeliveryEntity)
      .createQueryBuilder('delivery')
      .select('min(delivery.publishedAt)', 'oldest')
      .where('delivery.busCode = :busCode', { busCode })
      .andWhere('delivery.streamSequence > :deliveredSequence', {
        deliveredSequence: String(deliveredSequence),
      })
      .getRawOne<{ oldest: Date | null }>();
    return row?.oldest ?? null;
  }
}
