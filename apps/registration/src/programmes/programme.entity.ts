import { Check, Column, Entity, Index, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';

/** A programme (FORAS, MoTuSe, SHARAKA, …): data entered by coordinators, never code. */
@Entity({ name: 'programme' })
@Unique('programme_code_key', ['code'])
@Check('programme_code_check', "code ~ '^[A-Z0-9-]{2,32}$'")
@Check('programme_period_check', 'ends_on IS NULL OR ends_on >= starts_on')
@Check(
  'programme_target_categories_check',
  `cardinality(target_categories) > 0
  AND target_categories <@ ARRAY['returning-moroccan', 'foreign-avrr', 'regularised-immigrant',
                                 'moroccan-abroad', 'labour-migration-candidate']::text[]`,
)
// `(created_at DESC, id DESC)` in the migration: TypeORM neither expresses nor compares column
// order or direction, only the name and the set of columns.
@Index('programme_created_at_id_idx', ['createdAt', 'id'])
export class ProgrammeEntity {
  @PrimaryColumn('uuid') id: string;
  /** Upper-case code carried on the wire as `programmeCode`, e.g. `FORAS`. */
  @Column('text') code: string;
  @Column('text') name: string;
  @Column('text') donor: string;
  /** Institution code of the implementing organisation, e.g. `IOM`. */
  @Column('text') implementingOrg: string;
  @Column('date') startsOn: string;
  @Column('date', { nullable: true }) endsOn: string | null;
  /** Subset of `BENEFICIARY_CATEGORIES`. */
  @Column('text', { array: true }) targetCategories: string[];
  // Set by the service (millisecond precision) so that list cursors compare exactly.
  @Column('timestamptz', { default: () => 'now()' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
