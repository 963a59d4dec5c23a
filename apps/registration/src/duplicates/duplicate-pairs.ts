import { canSeeAllPersonalFiles, type Principal } from '@mrm/auth';
import { uuidv7 } from '@mrm/contracts';
import type { EntityManager } from 'typeorm';
import { assertMayReadPersonalData } from '../beneficiaries/beneficiary-access';
import { loadRecordSides, type RecordSide } from './beneficiary-records';
import { DuplicateCandidateEntity, type DuplicateStatus } from './duplicate-candidate.entity';
import { DuplicateError } from './duplicates.errors';
import type { DuplicatePairView } from './dto/duplicate-candidate.response.dto';

/** National roles see every pair; a case worker, pairs with at least one record of their own. */
export function isPairVisibleTo(principal: Principal, sides: readonly RecordSide[]): boolean {
  return canSeeAllPersonalFiles(principal) || sides.some((side) => side.ownerOrg === principal.org);
}

/**
 * A queue entry with its two records, if the principal may see it (404 otherwise, like a missing
 * one). With `lock`, the entry and both records are locked for update.
 */
export async function loadVisiblePair(input: {
  em: EntityManager;
  principal: Principal;
  duplicateId: string;
  lock?: boolean;
}): Promise<DuplicatePairView> {
  const { em, principal, lock } = input;
  assertMayReadPersonalData(principal);
  const entity = await em.findOne(DuplicateCandidateEntity, {
    where: { id: input.duplicateId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!entity) throw new DuplicateError('DUPLICATE_CANDIDATE_NOT_FOUND');
  const sides = await loadRecordSides(em, [entity.beneficiaryId, entity.candidateId], { lock });
  const beneficiary = sides.get(entity.beneficiaryId);
  const candidate = sides.get(entity.candidateId);
  if (!beneficiary || !candidate || !isPairVisibleTo(principal, [beneficiary, candidate])) {
    throw new DuplicateError('DUPLICATE_CANDIDATE_NOT_FOUND');
  }
  return { entity, beneficiary, candidate };
}

export function assertOpen(entity: DuplicateCandidateEntity): void {
  if (entity.status !== 'open') {
    throw new DuplicateError('DUPLICATE_ALREADY_RESOLVED', {
      detail: `The pair was already ${entity.status}`,
    });
  }
}

/** Closes an entry as merged or dismissed, by whom, when and why. */
export async function resolveEntry(
  em: EntityManager,
  input: {
    entity: DuplicateCandidateEntity;
    status: Exclude<DuplicateStatus, 'open'>;
    principal: Principal;
    reason: string;
    at: Date;
  },
): Promise<DuplicateCandidateEntity> {
  const changes = {
    status: input.status,
    resolvedBy: input.principal.sub,
    resolvedAt: input.at,
    resolutionReason: input.reason,
  };
  await em.update(DuplicateCandidateEntity, { id: input.entity.id }, changes);
  return Object.assign(input.entity, changes);
}

/**
 * After a merge, the other open entries of the merged record: one with the survivor is merged
 * too; one with a third record is dismissed as superseded and queued again between that record and
 * the survivor (unless those two were already paired, whatever the outcome).
 */
export async function settleEntriesOfMerged(
  em: EntityManager,
  input: { mergedId: string; survivorId: string; principal: Principal; reason: string; at: Date },
): Promise<number> {
  const { mergedId, survivorId, principal, at } = input;
  const entries = await em
    .createQueryBuilder(DuplicateCandidateEntity, 'd')
    .setLock('pessimistic_write')
    .where(`d.status = 'open'`)
    .andWhere('(d.beneficiary_id = :mergedId OR d.candidate_id = :mergedId)', { mergedId })
    .getMany();
  for (const entity of entries) {
    const other = entity.beneficiaryId === mergedId ? entity.candidateId : entity.beneficiaryId;
    if (other === survivorId) {
      await resolveEntry(em, { entity, status: 'merged', principal, reason: input.reason, at });
      continue;
    }
    await resolveEntry(em, {
      entity,
      status: 'dismissed',
      principal,
      reason: `Superseded: ${mergedId} was merged into ${survivorId}`,
      at,
    });
    const [beneficiaryId, candidateId] =
      entity.beneficiaryId === mergedId ? [survivorId, other] : [other, survivorId];
    await em.query(
      `INSERT INTO duplicate_candidate (id, beneficiary_id, candidate_id, reasons, status,
         created_by, created_at)
       SELECT $1, $2, $3, $4, 'open', $5, $6
        WHERE NOT EXISTS (SELECT 1 FROM duplicate_candidate
                           WHERE (beneficiary_id = $2 AND candidate_id = $3)
                              OR (beneficiary_id = $3 AND candidate_id = $2))`,
      [uuidv7(), beneficiaryId, candidateId, entity.reasons, principal.sub, at],
    );
  }
  return entries.length;
}
