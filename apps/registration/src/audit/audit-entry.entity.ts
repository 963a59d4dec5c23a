import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who did what to which records, when and why. Ids only, never personal values. */
@Entity({ name: 'audit_entry' })
export class AuditEntryEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('timestamptz') at: Date;
  @Column('text') actorSub: string;
  @Column('text') actorOrg: string;
  @Column('text', { array: true }) actorRoles: string[];
  /** read, search, create, update, erase, merge, import, export. */
  @Column('text') action: string;
  @Column('text') resourceType: string;
  @Column('uuid', { array: true }) resourceIds: string[];
  /** From the `X-Access-Reason` header, when the caller gave one. */
  @Column('text', { nullable: true }) reason: string | null;
  @Column('text', { nullable: true }) correlationId: string | null;
  /** Non-identifying context: the filter names of a search, a status transition. */
  @Column('jsonb', { nullable: true }) details: Record<string, unknown> | null;
}
