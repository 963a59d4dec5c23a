import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A programme (FORAS, MoTuSe, SHARAKA, …): data entered by coordinators, never code. */
@Entity({ name: 'programme' })
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
  @Column('timestamptz') createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
