import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { beneficiaryClosedV1, beneficiaryErasedV1 } from '@mrm/contracts';
import { assertVersionMatches } from '@mrm/http';
import { OutboxWriter } from '@mrm/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { assertMutable, loadVisible } from './beneficiary-access';
import { appendUpdated } from './beneficiary-events';
import { deleteLinks } from './beneficiary-links';
import { BeneficiaryEntity } from './beneficiary.entity';
import { BeneficiaryError } from './beneficiary.errors';
import { SearchKeysService } from './search-keys.service';

type Transition = 'activate' | 'close' | 'reopen';

// registered → active → closed (reason) → reopen → active.
const ALLOWED_FROM: Record<Transition, readonly string[]> = {
  activate: ['registered'],
  close: ['registered', 'active'],
  reopen: ['closed'],
};

interface ChangeInput {
  readonly principal: Principal;
  readonly beneficiaryId: string;
  readonly expectedVersion?: number;
  readonly reason?: string | null;
}

/** Case status transitions and erasure; each one bumps the version and emits its event. */
@Injectable()
export class BeneficiaryLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly searchKeys: SearchKeysService,
    private readonly audit: AuditService,
  ) {}

  /** Moves the case status; `close` needs a reason code and emits `beneficiary.closed.v1`. */
  transition(
    input: ChangeInput & { transition: Transition; closureReason?: string },
  ): Promise<BeneficiaryEntity> {
    return this.change(input, async (em, entity) => {
      // A closed case only reopens: the table below answers the other transitions.
      assertMutable(entity, { allowClosed: true });
      if (!ALLOWED_FROM[input.transition].includes(entity.status)) {
        throw new BeneficiaryError('INVALID_STATUS_TRANSITION', {
          detail: `Cannot ${input.transition} a case that is ${entity.status}`,
        });
      }
      const closing = input.transition === 'close';
      Object.assign(entity, {
        status: closing ? 'closed' : 'active',
        closureReason: closing ? (input.closureReason ?? 'other') : null,
        closedAt: closing ? new Date() : null,
      });
      const saved = await this.bump(em, entity);
      if (closing) {
        await this.outbox.append(
          em,
          beneficiaryClosedV1,
          {
            beneficiaryId: saved.id,
            reason: saved.closureReason ?? 'other',
            closedAt: saved.closedAt!.toISOString(),
            version: saved.version,
          },
          { subject: saved.id },
        );
      } else {
        await appendUpdated({ outbox: this.outbox, em, entity: saved });
      }
      await this.audit.record(em, {
        actor: input.principal,
        action: 'update',
        resourceType: 'beneficiary',
        resourceIds: [saved.id],
        reason: input.reason,
        details: { transition: input.transition, status: saved.status },
      });
      return saved;
    });
  }

  /**
   * Irreversibly anonymises a record (law 09-08): personal columns and the exact birth date set to
   * null, search keys, links and stored idempotent responses deleted; the statistical dimensions
   * stay. Every record merged into it (directly or through a chain of merges) is the same person
   * and is anonymised with it. Emits one `beneficiary.erased.v1` per record, so every service
   * drops what it holds.
   */
  erase(input: ChangeInput & { erasureReason: string }): Promise<BeneficiaryEntity> {
    return this.change(input, async (em, entity) => {
      if (entity.erasedAt) throw new BeneficiaryError('BENEFICIARY_ERASED');
      const erasedAt = new Date();
      const saved = await this.anonymise(em, entity, erasedAt);
      const merged = await em
        .getRepository(BeneficiaryEntity)
        .createQueryBuilder('b')
        .setLock('pessimistic_write')
        .where(
          `b.id IN (WITH RECURSIVE folded(id) AS (
                      SELECT id FROM beneficiary WHERE merged_into = :id
                      UNION SELECT m.id FROM beneficiary m JOIN folded f ON m.merged_into = f.id)
                    SELECT id FROM folded)`,
          { id: saved.id },
        )
        .andWhere('b.erased_at IS NULL')
        .orderBy('b.id')
        .getMany();
      for (const record of merged) await this.anonymise(em, record, erasedAt);
      await this.audit.record(em, {
        actor: input.principal,
        action: 'erase',
        resourceType: 'beneficiary',
        resourceIds: [saved.id, ...merged.map((record) => record.id)],
        reason: input.erasureReason,
        ...(merged.length > 0
          ? { details: { mergedRecords: merged.map((record) => record.id) } }
          : {}),
      });
      return saved;
    });
  }

  // One record's erasure: columns, keys, links, replayable responses, and its event.
  private async anonymise(
    em: EntityManager,
    entity: BeneficiaryEntity,
    erasedAt: Date,
  ): Promise<BeneficiaryEntity> {
    Object.assign(entity, {
      namesEnc: null,
      phoneEnc: null,
      addressEnc: null,
      documentsEnc: null,
      vulnerabilitiesEnc: null,
      birthDateEnc: null,
      erasedAt,
    });
    const saved = await this.bump(em, entity);
    await this.searchKeys.deleteKeys(em, saved.id);
    await deleteLinks(em, saved.id);
    // Create responses replayable under an Idempotency-Key hold the person's data (encrypted).
    await em.query(`DELETE FROM idempotency_record WHERE response_headers->>'location' LIKE $1`, [
      `%/beneficiaries/${saved.id}`,
    ]);
    await this.outbox.append(
      em,
      beneficiaryErasedV1,
      { beneficiaryId: saved.id, erasedAt: erasedAt.toISOString() },
      { subject: saved.id },
    );
    return saved;
  }

  private change(
    input: ChangeInput,
    apply: (em: EntityManager, entity: BeneficiaryEntity) => Promise<BeneficiaryEntity>,
  ): Promise<BeneficiaryEntity> {
    return this.dataSource.transaction(async (em) => {
      const entity = await loadVisible({
        em,
        principal: input.principal,
        beneficiaryId: input.beneficiaryId,
        lock: true,
      });
      assertVersionMatches({ expected: input.expectedVersion, current: entity.version });
      return apply(em, entity);
    });
  }

  private bump(em: EntityManager, entity: BeneficiaryEntity): Promise<BeneficiaryEntity> {
    Object.assign(entity, { version: entity.version + 1, updatedAt: new Date() });
    return em.save(entity);
  }
}
