import { Injectable } from '@nestjs/common';
import { canSeeAllPersonalFiles, type Principal } from '@mrm/auth';
import { uuidv7 } from '@mrm/contracts';
import { decodeCursor, DEFAULT_PAGE_LIMIT, toPage, type Page } from '@mrm/http';
import { RosterError, RosterService } from '@mrm/roster';
import { Clock } from '@mrm/timers';
import { DataSource, type EntityManager } from 'typeorm';
import { PartnerServicesService } from '../partners/partner-services.service';
import type { CreateReferralRequestDto } from './dto/create-referral.request.dto';
import type { ListReferralsQueryDto } from './dto/list-referrals.query.dto';
import { OPEN_STATUSES } from './referral-actions';
import { assertVisible } from './referral-access';
import { recordTransition } from './referral-history';
import { ReferralRequestsService } from './referral-requests.service';
import { ReferralTransitionEntity } from './referral-transition.entity';
import { ReferralEntity } from './referral.entity';
import { ReferralError } from './referral.errors';
import { applyReferralFilters } from './referral-filters';

/** What a new referral is made of, from a create or from a redirect. */
export interface NewReferral {
  readonly beneficiaryId: string;
  readonly serviceId: string;
  readonly reason: string;
  readonly servicesRequested: readonly string[];
  readonly priority: string;
  readonly dataCategories: readonly string[];
  readonly notes: string | null;
  readonly referringOrg: string;
  readonly referringOfficer: string;
  readonly redirectedFromId: string | null;
}

// What a new referral has not reached yet.
const UNSET = {
  consentId: null,
  businessStatus: null,
  rejectionReason: null,
  outcome: null,
  holdReason: null,
  redirectedToId: null,
  requestedAt: null,
  acknowledgementDueAt: null,
  answerDueAt: null,
  acknowledgedAt: null,
  answeredAt: null,
  closedAt: null,
  escalatedAt: null,
} as const;

@Injectable()
export class ReferralsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roster: RosterService,
    private readonly services: PartnerServicesService,
    private readonly requests: ReferralRequestsService,
    private readonly clock: Clock,
  ) {}

  async create(input: {
    principal: Principal;
    request: CreateReferralRequestDto;
  }): Promise<ReferralEntity> {
    const { principal, request } = input;
    return this.dataSource.transaction((em) =>
      this.open(em, {
        principal,
        draft: request.draft ?? false,
        consentId: request.consentId,
        overrideReason: request.consentOverride?.reason,
        referral: {
          ...request,
          servicesRequested: request.servicesRequested ?? [],
          notes: request.notes ?? null,
          referringOrg: principal.org,
          referringOfficer: principal.sub,
          redirectedFromId: null,
        },
      }),
    );
  }

  /** Creates a referral in `em`: as a draft, or sent (consent checked, deadlines armed, event). */
  async open(
    em: EntityManager,
    input: {
      principal: Principal;
      referral: NewReferral;
      draft: boolean;
      consentId?: string;
      overrideReason?: string;
    },
  ): Promise<ReferralEntity> {
    const { principal, referral: fields } = input;
    const beneficiary = await this.roster.resolveActive(em, fields.beneficiaryId);
    // The institution that follows the person refers them; a receiver redirects what it received.
    if (
      fields.redirectedFromId === null &&
      beneficiary.ownerOrg !== principal.org &&
      !canSeeAllPersonalFiles(principal)
    ) {
      throw new RosterError('referrals', 'ROSTER_BENEFICIARY_NOT_FOUND');
    }
    const target = await this.services.referrable(em, fields.serviceId);
    if (target.partnerCode === fields.referringOrg) {
      throw new ReferralError('REFERRAL_TO_OWN_INSTITUTION');
    }
    const now = this.clock.now();
    const referral = em.create(ReferralEntity, {
      ...fields,
      id: uuidv7(),
      beneficiaryId: beneficiary.beneficiaryId,
      servicesRequested: [...fields.servicesRequested],
      dataCategories: [...fields.dataCategories],
      receivingOrg: target.partnerCode,
      serviceType: target.serviceType,
      ...UNSET,
      consentOverridden: false,
      status: 'draft',
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    if (!input.draft) await this.requests.prepare(em, { ...input, referral, now });
    await em.insert(ReferralEntity, referral);
    const actor = { sub: principal.sub, org: principal.org };
    await recordTransition(em, { referral, action: 'create', fromStatus: null, actor, at: now });
    if (!input.draft) await this.requests.announce(em, { ...input, referral, now });
    return referral;
  }

  async get(input: { principal: Principal; referralId: string }): Promise<ReferralEntity> {
    const referral = await this.dataSource
      .getRepository(ReferralEntity)
      .findOneBy({ id: input.referralId });
    if (!referral) throw new ReferralError('REFERRAL_NOT_FOUND');
    assertVisible(input.principal, referral);
    return referral;
  }

  /** Oldest first: the referral's story. */
  async history(input: {
    principal: Principal;
    referralId: string;
  }): Promise<ReferralTransitionEntity[]> {
    await this.get(input);
    return this.dataSource.getRepository(ReferralTransitionEntity).find({
      where: { referralId: input.referralId },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
  }

  /** Newest first, each institution its own side; coordinators see all. */
  async list(input: {
    principal: Principal;
    query: ListReferralsQueryDto;
  }): Promise<Page<ReferralEntity>> {
    const { principal, query } = input;
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(query.cursor);
    const builder = this.dataSource
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit + 1)
      .setParameters({ org: principal.org, open: OPEN_STATUSES, now: this.clock.now() });
    applyReferralFilters(builder, principal, query);
    if (after) builder.andWhere('(r.created_at, r.id) < (:createdAt, :id)', after);
    return toPage({
      rows: await builder.getMany(),
      limit,
      keyOf: (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }),
      map: (row) => row,
    });
  }
}
