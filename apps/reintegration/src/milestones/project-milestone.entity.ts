import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** A milestone of the project's chain that was reached, with its evidence. */
@Entity({ name: 'project_milestone' })
@Unique('project_milestone_project_id_position_key', ['projectId', 'position'])
export class ProjectMilestoneEntity {
  @PrimaryColumn('uuid') projectId: string;
  /** Step code of the chain version the project follows. */
  @PrimaryColumn('text') code: string;
  /** Position of the step in the chain, from 1. */
  @Column('int') position: number;
  @Column('date') reachedOn: string;
  /** Reference of the evidence (document number in the institution's archive, not the document). */
  @Column('text') evidenceRef: string;
  /** The amount the evidence shows, for a step with a minimum (the cooperative's capital). */
  @Column('numeric', { precision: 14, scale: 2, nullable: true }) amount: string | null;
  /** Why an earlier step was skipped; null when reached in order. */
  @Column('text', { nullable: true }) overrideReason: string | null;
  @Column('text') recordedBy: string;
  @Column('timestamptz') recordedAt: Date;
}
