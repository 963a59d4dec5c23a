import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A referral of a beneficiary (pseudonymous id only) from one institution to a partner's service,
 * with its FHIR Task status, deadlines and closed-loop timestamps.
 */
@Entity({ name: 'referral' })
@Index('referral_referring_org_created_at_idx', ['referringOrg', 'createdAt', 'id'])
@Index('referral_receiving_org_created_at_idx', ['receivingOrg', 'createdAt', 'id'])
@Index('referral_created_at_id_idx', ['createdAt', 'id'])
@Index('referral_beneficiary_id_idx', ['beneficiaryId'])
@Index('referral_consent_id_idx', ['consentId'])
export class ReferralEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') beneficiaryId: string;
  @Column('text') referringOrg: string;
  /** `sub` of the referral officer who made it. */
  @Column('text') referringOfficer: string;
  @Column('text') receivingOrg: string;
  @Column('uuid') serviceId: string;
  @Column('text') serviceType: string;
  @Column('text') reason: string;
  @Column('text', { array: true }) servicesRequested: string[];
  @Column('text') priority: string;
  @Column('uuid', { nullable: true }) consentId: string | null;
  @Column('boolean') consentOverridden: boolean;
  /** Data categories of the person the receiver may read while the referral is open. */
  @Column('text', { array: true }) dataCategories: string[];
  @Column('text', { nullable: true }) notes: string | null;
  @Column('text') status: string;
  /** A local step within the status, set by either end. */
  @Column('text', { nullable: true }) businessStatus: string | null;
  @Column('text', { nullable: true }) rejectionReason: string | null;
  @Column('text', { nullable: true }) outcome: string | null;
  /** Why the referral is on hold: `consent-withdrawn` or `consent-expired`. */
  @Column('text', { nullable: true }) holdReason: string | null;
  @Column('uuid', { nullable: true }) redirectedFromId: string | null;
  @Column('uuid', { nullable: true }) redirectedToId: string | null;
  @Column('timestamptz', { nullable: true }) requestedAt: Date | null;
  @Column('timestamptz', { nullable: true }) acknowledgementDueAt: Date | null;
  @Column('timestamptz', { nullable: true }) answerDueAt: Date | null;
  @Column('timestamptz', { nullable: true }) acknowledgedAt: Date | null;
  @Column('timestamptz', { nullable: true }) answeredAt: Date | null;
  @Column('timestamptz', { nullable: true }) closedAt: Date | null;
  /** When a missed deadline put it on the coordinators' escalation list. */
  @Column('timestamptz', { nullable: true }) escalatedAt: Date | null;
  @Column('int') version: number;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
}
