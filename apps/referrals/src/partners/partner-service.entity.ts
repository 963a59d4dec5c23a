import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where a service is delivered (an HSDS location), by region. */
export interface ServiceLocation {
  readonly name: string;
  readonly regionCode: string;
  readonly city?: string;
}

/** A service of a partner (an HSDS service with its eligibility, coverage and capacity). */
@Entity({ name: 'partner_service' })
@Index('partner_service_partner_id_idx', ['partnerId'])
@Index('partner_service_created_at_id_idx', ['createdAt', 'id'])
@Index('partner_service_service_type_idx', ['serviceType'])
export class PartnerServiceEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') partnerId: string;
  /** One of `SERVICE_TYPES`. */
  @Column('text') serviceType: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) description: string | null;
  /** Regions covered (codes 01..12). */
  @Column('text', { array: true }) regionCodes: string[];
  @Column('jsonb') locations: ServiceLocation[];
  /** Empty means any: categories, sexes, nationalities. */
  @Column('text', { array: true }) eligibleCategories: string[];
  @Column('text', { array: true }) eligibleSexes: string[];
  @Column('int', { nullable: true }) minAge: number | null;
  @Column('int', { nullable: true }) maxAge: number | null;
  @Column('text', { array: true }) eligibleNationalities: string[];
  /** ISO 639-1 codes of the languages the service is given in. */
  @Column('text', { array: true }) languages: string[];
  @Column('int', { nullable: true }) placesPerMonth: number | null;
  @Column('int') currentLoad: number;
  @Column('text', { nullable: true }) contactEmail: string | null;
  @Column('text', { nullable: true }) contactPhone: string | null;
  @Column('boolean') active: boolean;
  @Column('int') version: number;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
}
