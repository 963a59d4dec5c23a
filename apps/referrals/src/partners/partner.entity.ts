import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** A partner institution of the directory (an HSDS organization); its code is its `org` claim. */
@Entity({ name: 'partner' })
@Unique('partner_code_key', ['code'])
@Index('partner_created_at_id_idx', ['createdAt', 'id'])
export class PartnerEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('text') nameFr: string;
  @Column('text', { nullable: true }) nameAr: string | null;
  @Column('text', { nullable: true }) nameEn: string | null;
  /** One of `PARTNER_KINDS`. */
  @Column('text') kind: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('text', { nullable: true }) website: string | null;
  /** The institution's own contact, never a person's. */
  @Column('text', { nullable: true }) email: string | null;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('boolean') active: boolean;
  /** Bumped by every change of the partner or of one of its services (ETag, events). */
  @Column('int') version: number;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
}
