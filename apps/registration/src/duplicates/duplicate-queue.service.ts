import { Injectable } from '@nestjs/common';
import { canSeeAllPersonalFiles, type Principal } from '@mrm/auth';
import { decodeCursor, DEFAULT_PAGE_LIMIT, toPage, type Page } from '@mrm/http';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { assertMayReadPersonalData } from '../beneficiaries/beneficiary-access';
import { loadRecordSides, pairOwnedByOrgSql } from './beneficiary-records';
import { DuplicateCandidateEntity, type DuplicateStatus } from './duplicate-candidate.entity';
import { assertOpen, loadVisiblePair, resolveEntry } from './duplicate-pairs';
import { withheldSides, type DuplicatePairView } from './dto/duplicate-candidate.response.dto';

/**
 * The review queue of probable duplicates: list and dismissal (merge is DuplicateMergeService).
 * Entries show ids, references, owners and statuses only, so listing them is not a personal read.
 */
@Injectable()
export class DuplicateQueueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Newest first; a case worker sees the pairs with at least one record of their institution. */
  async list(input: {
    principal: Principal;
    status?: DuplicateStatus;
    limit?: number;
    cursor?: string;
  }): Promise<Page<DuplicatePairView>> {
    const { principal } = input;
    assertMayReadPersonalData(principal);
    const limit = input.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(input.cursor);
    const query = this.dataSource
      .getRepository(DuplicateCandidateEntity)
      .createQueryBuilder('d')
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(limit + 1);
    if (input.status) query.andWhere('d.status = :status', { status: input.status });
    if (!canSeeAllPersonalFiles(principal)) {
      query.andWhere(pairOwnedByOrgSql('d'), { org: principal.org });
    }
    if (after) query.andWhere('(d.created_at, d.id) < (:createdAt, :id)', after);
    const rows = await query.getMany();
    const sides = await loadRecordSides(
      this.dataSource.manager,
      rows.flatMap((row) => [row.beneficiaryId, row.candidateId]),
    );
    // Records are never deleted (erasure keeps the row), so both sides exist.
    const page = toPage({
      rows,
      limit,
      keyOf: (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }),
      map: (row) => ({
        entity: row,
        beneficiary: sides.get(row.beneficiaryId)!,
        candidate: sides.get(row.candidateId)!,
      }),
    });
    await this.auditWithheld(principal, page.items);
    return page;
  }

  // A case worker told that a pair's other record belongs elsewhere got a cross-institution
  // answer: audited like one, with the withheld records' ids (the pair is the coordinator's review).
  private async auditWithheld(
    principal: Principal,
    pairs: readonly DuplicatePairView[],
  ): Promise<void> {
    const crossing = pairs.filter((pair) => withheldSides(pair, principal).length > 0);
    if (crossing.length === 0) return;
    await this.audit.record(undefined, {
      actor: principal,
      action: 'match-elsewhere',
      resourceType: 'beneficiary',
      resourceIds: [
        ...new Set(crossing.flatMap((pair) => withheldSides(pair, principal).map((s) => s.id))),
      ],
      details: {
        context: 'duplicates',
        duplicateCandidateIds: crossing.map((pair) => pair.entity.id),
      },
    });
  }

  /** The two records are different people: the entry leaves the queue, with the reason. */
  async dismiss(input: {
    principal: Principal;
    duplicateId: string;
    reason: string;
  }): Promise<DuplicatePairView> {
    const { principal, reason } = input;
    return this.dataSource.transaction(async (em) => {
      const pair = await loadVisiblePair({
        em,
        principal,
        duplicateId: input.duplicateId,
        lock: true,
      });
      assertOpen(pair.entity);
      const entity = await resolveEntry(em, {
        entity: pair.entity,
        status: 'dismissed',
        principal,
        reason,
        at: new Date(),
      });
      await this.audit.record(em, {
        actor: principal,
        action: 'update',
        resourceType: 'duplicate_candidate',
        resourceIds: [entity.id, entity.beneficiaryId, entity.candidateId],
        reason,
        details: { status: 'dismissed' },
      });
      return { ...pair, entity };
    });
  }
}
