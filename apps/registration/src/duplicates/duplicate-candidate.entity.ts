import { Column, Entity, PrimaryColumn } from 'typeorm';

export const DUPLICATE_STATUSES = ['open', 'merged', 'dismissed'] as const;
export type DuplicateStatus = (typeof DUPLICATE_STATUSES)[number];

/**
 * A pair of records that may be the same person, queued for review when a registration went
 * ahead despite the candidates (`duplicateOverride`). `beneficiaryId` is the newer record.
 */
@Entity({ name: 'duplicate_candidate' })
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
  @Column('timestamptz') createdAt: Date;
  @Column('text', { nullable: true }) resolvedBy: string | null;
  @Column('timestamptz', { nullable: true }) resolvedAt: Date | null;
  @Column('text', { nullable: true }) resolutionReason: string | null;
}
