import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** An institution asked to erase a person it received through referrals, until it acknowledges. */
@Entity({ name: 'erasure_request' })
@Unique('erasure_request_beneficiary_id_receiving_org_key', ['beneficiaryId', 'receivingOrg'])
@Index('erasure_request_receiving_org_idx', ['receivingOrg', 'requestedAt', 'id'])
export class ErasureRequestEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') beneficiaryId: string;
  @Column('text') receivingOrg: string;
  @Column('uuid', { array: true }) referralIds: string[];
  @Column('timestamptz') erasedAt: Date;
  @Column('timestamptz') requestedAt: Date;
  @Column('timestamptz', { nullable: true }) acknowledgedAt: Date | null;
  /** `sub` of the officer of the receiving institution who confirmed the erasure. */
  @Column('text', { nullable: true }) acknowledgedBy: string | null;
}
