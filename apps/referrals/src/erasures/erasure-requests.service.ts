import { Injectable } from '@nestjs/common';
import { canSeeAllPersonalFiles, type Principal } from '@mrm/auth';
import {
  referralErasureAcknowledgedV1,
  referralErasureRequestedV1,
  uuidv7,
  type BeneficiaryErasedV1,
} from '@mrm/contracts';
import { OutboxWriter } from '@mrm/messaging';
import { Clock } from '@mrm/timers';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { ReferralErasuresService } from '../referrals/referral-erasures.service';
import type { ListErasureRequestsQueryDto } from './dto/list-erasure-requests.query.dto';
import { ErasureRequestEntity } from './erasure-request.entity';
import { ErasureError } from './erasure.errors';

/** Erasure propagated to every institution that received the person, and their answers. */
@Injectable()
export class ErasureRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly referrals: ReferralErasuresService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  /** In the delivery of `beneficiary.erased.v1`; a redelivery asks nobody twice. */
  async onBeneficiaryErased(em: EntityManager, erased: BeneficiaryErasedV1): Promise<void> {
    const erasedAt = new Date(erased.erasedAt);
    const recipients = await this.referrals.closeFor(em, {
      beneficiaryId: erased.beneficiaryId,
      erasedAt,
    });
    const now = this.clock.now();
    for (const recipient of recipients) {
      const id = uuidv7();
      const inserted: unknown[] = await em.query(
        `INSERT INTO erasure_request (id, beneficiary_id, receiving_org, referral_ids, erased_at,
                                      requested_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (beneficiary_id, receiving_org) DO NOTHING RETURNING id`,
        [id, erased.beneficiaryId, recipient.receivingOrg, recipient.referralIds, erasedAt, now],
      );
      if (inserted.length === 0) continue;
      await this.outbox.append(
        em,
        referralErasureRequestedV1,
        {
          erasureRequestId: id,
          beneficiaryId: erased.beneficiaryId,
          ...recipient,
          erasedAt: erased.erasedAt,
        },
        { subject: erased.beneficiaryId, time: now },
      );
    }
  }

  /**
   * The receiving institution confirms it erased the person; the event says how many of the
   * institutions asked about that person have still to answer.
   */
  async acknowledge(input: { principal: Principal; id: string }): Promise<ErasureRequestEntity> {
    return this.dataSource.transaction((em) => this.acknowledgeIn(em, input));
  }

  /** The same inside the caller's transaction (a partner's `erasure-done` answer). */
  async acknowledgeIn(
    em: EntityManager,
    input: { principal: Principal; id: string },
  ): Promise<ErasureRequestEntity> {
    const request = await em.findOne(ErasureRequestEntity, {
      where: { id: input.id, receivingOrg: input.principal.org },
      lock: { mode: 'pessimistic_write' },
    });
    if (!request) throw new ErasureError('ERASURE_REQUEST_NOT_FOUND');
    if (request.acknowledgedAt) throw new ErasureError('ERASURE_ALREADY_ACKNOWLEDGED');
    const now = this.clock.now();
    request.acknowledgedAt = now;
    request.acknowledgedBy = input.principal.sub;
    await em.save(ErasureRequestEntity, request);
    const stillPending = await em.count(ErasureRequestEntity, {
      where: { beneficiaryId: request.beneficiaryId, acknowledgedAt: IsNull() },
    });
    await this.outbox.append(
      em,
      referralErasureAcknowledgedV1,
      {
        erasureRequestId: request.id,
        beneficiaryId: request.beneficiaryId,
        receivingOrg: request.receivingOrg,
        erasedAt: request.erasedAt.toISOString(),
        acknowledgedAt: now.toISOString(),
        secondsToAcknowledge: Math.max(
          0,
          Math.floor((now.getTime() - request.requestedAt.getTime()) / 1000),
        ),
        stillPending,
        allAcknowledged: stillPending === 0,
      },
      { subject: request.beneficiaryId, time: now },
    );
    return request;
  }

  /** Oldest first: an institution sees what it was asked, coordinators everything. */
  async list(input: {
    principal: Principal;
    query: ListErasureRequestsQueryDto;
  }): Promise<ErasureRequestEntity[]> {
    const { principal, query } = input;
    const builder = this.dataSource
      .getRepository(ErasureRequestEntity)
      .createQueryBuilder('e')
      .orderBy('e.requested_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(500);
    if (!canSeeAllPersonalFiles(principal)) {
      builder.andWhere('e.receiving_org = :org', { org: principal.org });
    }
    if (query.beneficiaryId) {
      builder.andWhere('e.beneficiary_id = :beneficiaryId', { beneficiaryId: query.beneficiaryId });
    }
    if (query.pending !== undefined) {
      builder.andWhere(
        query.pending ? 'e.acknowledged_at IS NULL' : 'e.acknowledged_at IS NOT NULL',
      );
    }
    return builder.getMany();
  }
}
