import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { SupportStatus } from './visit-vocabulary';

/** A follow-up visit of an operating project: scheduled, then recorded (or overdue). */
@Entity({ name: 'visit' })
@Unique('visit_project_id_sequence_key', ['projectId', 'sequence'])
export class VisitEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') projectId: string;
  @Column('text') ownerOrg: string;
  @Column('int') sequence: number;
  @Column('int') monthsAfter: number;
  @Column('date') dueOn: string;
  /** Version of the visit-schedule configuration it was planned with. */
  @Column('text') scheduleVersion: string;
  /** Set once by the visit's timer when the due date passed without a record. */
  @Column('timestamptz', { nullable: true }) overdueAt: Date | null;
  @Column('date', { nullable: true }) visitedOn: string | null;
  @Column('boolean', { nullable: true }) activityRunning: boolean | null;
  /** numeric(14,2), a decimal string: never a float. */
  @Column('numeric', { precision: 14, scale: 2, nullable: true }) monthlyIncome: string | null;
  @Column('int', { nullable: true }) jobsCreated: number | null;
  @Column('int', { nullable: true }) jobsHeldByWomen: number | null;
  @Column('text', { array: true, nullable: true }) difficulties: string[] | null;
  @Column('text', { nullable: true }) supportStatus: SupportStatus | null;
  @Column('text', { array: true, nullable: true }) nextSteps: string[] | null;
  @Column('text', { nullable: true }) recordedBy: string | null;
  @Column('timestamptz', { nullable: true }) recordedAt: Date | null;
  @Column('int') version: number;
  @Column('timestamptz') createdAt: Date;
}
