import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** A disbursement tranche: planned, then paid by an institution. */
@Entity({ name: 'project_tranche' })
@Unique('project_tranche_project_id_sequence_key', ['projectId', 'sequence'])
export class ProjectTrancheEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') projectId: string;
  @Column('int') sequence: number;
  /** numeric(14,2), read and written as a decimal string: never a float. */
  @Column('numeric', { precision: 14, scale: 2 }) amount: string;
  @Column('date') plannedOn: string;
  /** Institution code of the institution that pays. */
  @Column('text') payingOrg: string;
  @Column('date', { nullable: true }) paidOn: string | null;
  /** `sub` of who recorded the payment. */
  @Column('text', { nullable: true }) paidBy: string | null;
  @Column('timestamptz') createdAt: Date;
}
