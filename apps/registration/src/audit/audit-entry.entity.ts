import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Who did what to which records, when and why. Ids only, never personal values. */
@Entity({ name: 'audit_entry' })
@Check(
  'audit_entry_action_check',
  `action IN ('read', 'search', 'create', 'update', 'erase', 'merge', 'import',
                          'export', 'match-elsewhere')`,
)
// `(at DESC, id DESC)` and `(actor_sub, at DESC)` in the migration: TypeORM neither expresses nor
// compares column order or direction, only the name and the set of columns.
@Index('audit_entry_at_id_idx', ['at', 'id'])
@Index('audit_entry_actor_sub_at_idx', ['actorSub', 'at'])
@Index('audit_entry_resource_ids_idx', ['resourceIds'], { type: 'gin' })
export class AuditEntryEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('timestamptz', { default: () => 'now()' }) at: Date;
  @Column('text') actorSub: string;
  @Column('text') actorOrg: string;
  @Column('text', { array: true, default: () => "'{}'" }) actorRoles: string[];
  /** read, search, create, update, erase, merge, import, export. */
  @Column('text') action: string;
  @Column('text') resourceType: string;
  @Column('uuid', { array: true, default: () => "'{}'" }) resourceIds: string[];
  /** From the `X-Access-Reason` header, when the caller gave one. */
  @Column('text', { nullable: true }) reason: string | null;
  @Column('text', { nullable: true }) correlationId: string | null;
  /** Non-identifying context: the filter names of a search, a status transition. */
  @Column('jsonb', { nullable: true }) details: Record<string, unknown> | null;
}
