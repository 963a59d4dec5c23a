import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MatchReviewContext, MatchReviewStatus } from './match-review-vocabulary';

/**
 * A user was told that the person they submitted is probably registered by another institution:
 * which records matched and why, kept for a coordinator to review (the user saw neither). The
 * rows of one user in the last window are also that user's probing budget.
 */
@Entity({ name: 'match_review' })
@Check('match_review_context_check', "context IN ('create', 'search', 'import-dry-run', 'import')")
@Check('match_review_status_check', "status IN ('open', 'resolved')")
@Check('match_review_matched_ids_check', 'cardinality(matched_ids) > 0')
@Check(
  'match_review_resolution_check',
  `(status = 'open') = (resolved_at IS NULL)
             AND (resolved_at IS NULL) = (resolved_by IS NULL)`,
)
// Column order and direction in the migration: TypeORM compares only names and column sets.
@Index('match_review_requested_by_created_at_idx', ['requestedBy', 'createdAt'])
@Index('match_review_status_created_at_id_idx', ['status', 'createdAt', 'id'])
@Index('match_review_matched_ids_idx', ['matchedIds'], { type: 'gin' })
export class MatchReviewEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') context: MatchReviewContext;
  /** `sub` and institution of the user who received the answer. */
  @Column('text') requestedBy: string;
  @Column('text') requestedOrg: string;
  /** The other institutions' records that matched. */
  @Column('uuid', { array: true }) matchedIds: string[];
  /** Match codes (`document`, `phone`, `name+birth-year+nationality`): for the coordinator only. */
  @Column('text', { array: true }) reasons: string[];
  @Column('text', { default: 'open' }) status: MatchReviewStatus;
  @Column('timestamptz', { default: () => 'now()' }) createdAt: Date;
  @Column('text', { nullable: true }) resolvedBy: string | null;
  @Column('timestamptz', { nullable: true }) resolvedAt: Date | null;
  @Column('text', { nullable: true }) resolutionNote: string | null;
}
