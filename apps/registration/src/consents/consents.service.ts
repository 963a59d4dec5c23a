import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { beneficiaryConsentGrantedV1, beneficiaryConsentWithdrawnV1, uuidv7 } from '@mrm/contracts';
import { decodeCursor, DEFAULT_PAGE_LIMIT, toPage, type Page } from '@mrm/http';
import { OutboxWriter } from '@mrm/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import {
  BeneficiariesService,
  type AccessibleBeneficiary,
} from '../beneficiaries/beneficiaries.service';
import { BeneficiaryError } from '../beneficiaries/beneficiary.errors';
import { ConsentEntity } from './consent.entity';
import { ConsentError } from './consent.errors';
import type { ConsentPurpose, ConsentStatus } from './consent-vocabulary';
import type { GrantConsentRequestDto } from './dto/grant-consent.request.dto';

/** A consent in force, as other features see it (never the entity). */
export interface ActiveConsent {
  readonly id: string;
  readonly beneficiaryId: string;
  readonly purposes: readonly string[];
  readonly recipients: readonly string[];
  readonly dataCategories: readonly string[];
  readonly collectingOrg: string;
  readonly collectedAt: Date;
  readonly noticeVersion: string;
  readonly expiresAt: Date | null;
}

// Status filters, evaluated at one `:now` so they agree with the computed `status` field.
const STATUS_CONDITIONS: Record<ConsentStatus, string> = {
  active: 'c.withdrawn_at IS NULL AND (c.expires_at IS NULL OR c.expires_at > :now)',
  expired: 'c.withdrawn_at IS NULL AND c.expires_at <= :now',
  withdrawn: 'c.withdrawn_at IS NOT NULL',
};

@Injectable()
export class ConsentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly beneficiaries: BeneficiariesService,
  ) {}

  /**
   * Records a consent and its `beneficiary.consent-granted.v1` event in one transaction.
   * Whether a `transfer-abroad` recipient is really abroad is not checked: recipients are bare
   * institution codes and the partner directory (countries) lives in the referrals service.
   */
  async grant(input: {
    principal: Principal;
    beneficiaryId: string;
    request: GrantConsentRequestDto;
  }): Promise<ConsentEntity> {
    const { principal, beneficiaryId, request } = input;
    const now = new Date();
    const expiresAt = request.expiresAt === undefined ? null : new Date(request.expiresAt);
    if (expiresAt !== null && expiresAt <= now) {
      throw new ConsentError('CONSENT_EXPIRY_NOT_IN_FUTURE', {
        violations: [{ field: 'expiresAt', message: 'expiresAt must be in the future' }],
      });
    }
    return this.dataSource.transaction(async (em) => {
      const beneficiary = await this.beneficiaries.findAccessible({ principal, beneficiaryId, em });
      assertOpenFile(beneficiary);
      const consent = em.create(ConsentEntity, {
        id: uuidv7(),
        beneficiaryId: beneficiary.id,
        purposes: request.purposes,
        recipients: request.recipients,
        dataCategories: request.dataCategories,
        collectedBy: principal.sub,
        collectingOrg: principal.org,
        collectedAt: now,
        noticeVersion: request.noticeVersion,
        expiresAt,
        withdrawnAt: null,
        withdrawalReason: null,
        withdrawnBy: null,
        createdAt: now,
      });
      await em.insert(ConsentEntity, consent);
      await this.outbox.append(
        em,
        beneficiaryConsentGrantedV1,
        {
          consentId: consent.id,
          beneficiaryId: consent.beneficiaryId,
          purposes: consent.purposes,
          recipients: consent.recipients,
          dataCategories: consent.dataCategories,
          grantedAt: consent.collectedAt.toISOString(),
          ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
          noticeVersion: consent.noticeVersion,
        },
        { subject: consent.beneficiaryId },
      );
      return consent;
    });
  }

  /** Withdrawal stays possible on a closed file: opposition is a right at any time (law 09-08). */
  async withdraw(input: {
    principal: Principal;
    beneficiaryId: string;
    consentId: string;
    reason: string;
  }): Promise<ConsentEntity> {
    const { principal, beneficiaryId, consentId } = input;
    return this.dataSource.transaction(async (em) => {
      await this.beneficiaries.findAccessible({ principal, beneficiaryId, em });
      // The row lock makes a concurrent second withdrawal wait, then see the first one (409).
      const consent = await em.findOne(ConsentEntity, {
        where: { id: consentId, beneficiaryId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!consent) throw new ConsentError('CONSENT_NOT_FOUND');
      if (consent.withdrawnAt !== null) throw new ConsentError('CONSENT_ALREADY_WITHDRAWN');
      consent.withdrawnAt = new Date();
      consent.withdrawnBy = principal.sub;
      consent.withdrawalReason = input.reason;
      await em.update(
        ConsentEntity,
        { id: consent.id },
        {
          withdrawnAt: consent.withdrawnAt,
          withdrawnBy: consent.withdrawnBy,
          withdrawalReason: consent.withdrawalReason,
        },
      );
      await this.outbox.append(
        em,
        beneficiaryConsentWithdrawnV1,
        {
          consentId: consent.id,
          beneficiaryId: consent.beneficiaryId,
          withdrawnAt: consent.withdrawnAt.toISOString(),
        },
        { subject: consent.beneficiaryId },
      );
      return consent;
    });
  }

  /** Newest first, optionally only those with the given computed status. */
  async list(input: {
    principal: Principal;
    beneficiaryId: string;
    status?: ConsentStatus;
    limit?: number;
    cursor?: string;
  }): Promise<Page<ConsentEntity>> {
    const { principal, beneficiaryId } = input;
    const limit = input.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(input.cursor);
    await this.beneficiaries.findAccessible({ principal, beneficiaryId });
    const query = this.dataSource
      .getRepository(ConsentEntity)
      .createQueryBuilder('c')
      .where('c.beneficiary_id = :beneficiaryId', { beneficiaryId })
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1);
    if (input.status) query.andWhere(STATUS_CONDITIONS[input.status], { now: new Date() });
    if (after) query.andWhere('(c.created_at, c.id) < (:createdAt, :id)', after);
    return toPage({
      rows: await query.getMany(),
      limit,
      keyOf: (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }),
      map: (row) => row,
    });
  }

  /**
   * Moves a merged record's consents to the survivor, inside the merge transaction of duplicates/.
   * Each consent keeps its terms, dates and status: it was given by the same person. Consumers
   * re-point them on `beneficiary.merged.v1`. Returns how many moved.
   */
  async repointConsents(input: {
    em: EntityManager;
    fromBeneficiaryId: string;
    toBeneficiaryId: string;
  }): Promise<number> {
    const [, moved]: [unknown, number] = await input.em.query(
      'UPDATE consent SET beneficiary_id = $2 WHERE beneficiary_id = $1',
      [input.fromBeneficiaryId, input.toBeneficiaryId],
    );
    return moved;
  }

  /**
   * The consents that allow `purpose` for `recipient` at `at` (default now): given by then, not
   * withdrawn nor expired by then. Callers check `dataCategories` against what they share.
   */
  async activeConsentsFor(input: {
    beneficiaryId: string;
    purpose: ConsentPurpose;
    recipient: string;
    at?: Date;
  }): Promise<ActiveConsent[]> {
    const rows = await this.dataSource
      .getRepository(ConsentEntity)
      .createQueryBuilder('c')
      .where('c.beneficiary_id = :beneficiaryId', { beneficiaryId: input.beneficiaryId })
      .andWhere(':purpose = ANY(c.purposes)', { purpose: input.purpose })
      .andWhere(':recipient = ANY(c.recipients)', { recipient: input.recipient })
      .andWhere('c.collected_at <= :at', { at: input.at ?? new Date() })
      .andWhere('(c.withdrawn_at IS NULL OR c.withdrawn_at > :at)')
      .andWhere('(c.expires_at IS NULL OR c.expires_at > :at)')
      .orderBy('c.collected_at', 'DESC')
      .getMany();
    return rows.map((row) => ({
      id: row.id,
      beneficiaryId: row.beneficiaryId,
      purposes: [...row.purposes],
      recipients: [...row.recipients],
      dataCategories: [...row.dataCategories],
      collectingOrg: row.collectingOrg,
      collectedAt: row.collectedAt,
      noticeVersion: row.noticeVersion,
      expiresAt: row.expiresAt,
    }));
  }
}

// Same codes as the beneficiaries feature: a client sees one vocabulary for a frozen file.
function assertOpenFile(beneficiary: AccessibleBeneficiary): void {
  if (beneficiary.erased) throw new BeneficiaryError('BENEFICIARY_ERASED');
  if (beneficiary.mergedInto !== null) throw new BeneficiaryError('BENEFICIARY_MERGED');
  if (beneficiary.status === 'closed') throw new BeneficiaryError('BENEFICIARY_CLOSED');
}
