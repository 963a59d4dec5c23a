import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The remembered outcome of a create request sent with an `Idempotency-Key`, per principal.
 * A row with a null `status` is a claim: the first request is still running.
 */
@Entity({ name: 'idempotency_record' })
@Index('idempotency_record_expires_at_idx', ['expiresAt'])
export class IdempotencyRecordEntity {
  /** `<org>:<sub>` of the caller: keys are scoped to who sent them. */
  @PrimaryColumn('text') principal: string;
  @PrimaryColumn('text') key: string;
  /** SHA-256 of method, path and canonical body: the same key with another body is refused. */
  @Column('text') requestHash: string;
  @Column('int', { nullable: true }) status: number | null;
  /** The response body as sealed by the service (encrypted when it holds personal data). */
  @Column('text', { nullable: true }) responseBody: string | null;
  /** Response headers worth replaying (`Location`, `ETag`). */
  @Column('jsonb', { nullable: true }) responseHeaders: Record<string, string> | null;
  @Column('timestamptz', { default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz') expiresAt: Date;
}
