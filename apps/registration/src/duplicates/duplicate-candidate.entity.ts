import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

export const DUPLICATE_STATUSES = ['open', 'merged', 'dismissed'] as const;
export type DuplicateStatus = (typeof DUPLICATE_STATUSES)[number];

/**
 * A pair of records that may be the same person, queued for review when a registration went
 * ahead despite the candidates (`duplicateOverride`). `beneficiaryId` is the newer record.
 */
@Entity({ name: 'duplicate_candidate' })
@Unique('duplicate_candidate_beneficiary_id_candidate_id_key', ['beneficiaryId', 'candidateId'])
@Check('duplicate_candidate_self_check', 'beneficiary_id <> candidate_id')
@Check('duplicate_candidate_reasons_check', 'cardinality(reasons) > 0')
@Check('duplicate_candidate_status_check', "status IN ('open', 'merged', 'dismissed')")
@Check(
  'duplicate_candidate_resolution_check',
  `(status = 'open') = (resolved_at IS NULL)
  AND (resolved_at IS NULL) = (resolved_by IS NULL)`,
)
// `(status, created_at DESC, id DESC)` in the migration: TypeORM neither expresses nor compares
// column order or direction, only the name and the set of columns.
@Index('duplicate_candidate_status_created_at_id_idx', ['status', 'createdAt', 'id'])
@Index('duplicate_candidate_candidate_id_idx', ['candidateId'])
export class DuplicateCandidateEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') beneficiaryId: string;
  @Column('uuid') candidateId: string;
  /** Match codes: `document`, `phone`, `name+birth-year+nationality`. */
  @Column('text', { array: true }) reasons: string[];
  @Column('text', { default: 'open' }) status: DuplicateStatus;
  /** `sub` of who registered the newer record anyway. */
  @Column('text') createdBy: string;
  // Set by the service (millisecond precision) so that list cursors compare exactly.
  @Column('timestamptz', { default: () => 'now()' }) createdAt: Date;
  @Column('text', { nullable: true }) resolvedBy: string | null;
  @Column('timestamptz', { nullable: true }) resolvedAt: Date | null;
  @Column('text', { nullable: true }) resolutionReason: string | null;
}
