import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EnrolmentStatus, EnrolmentView } from './enrolment-view';

/**
 * A beneficiary's place in a course (or on its waiting list). The category, sex and birth year are
 * copied from the roster entry at enrolment, for the events; `beneficiaryId` is null once erased.
 */
@Entity({ name: 'enrolment' })
export class EnrolmentEntity implements EnrolmentView {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') courseId: string;
  @Column('uuid', { nullable: true }) beneficiaryId: string | null;
  @Column('text') category: string;
  @Column('text') sex: string;
  @Column('int') birthYear: number;
  @Column('text') status: EnrolmentStatus;
  /** Place on the waiting list, from 1; set while waiting. */
  @Column('int', { nullable: true }) waitingPosition: number | null;
  @Column('text', { nullable: true }) withdrawalReason: string | null;
  @Column('boolean', { nullable: true }) assessmentPassed: boolean | null;
  @Column('text', { nullable: true }) outcome: string | null;
  @Column('text', { nullable: true }) outcomeReason: string | null;
  @Column('int', { nullable: true }) sessionsAttended: number | null;
  /** Exact decimal, as PostgreSQL returns numeric: a string. */
  @Column('numeric', { precision: 7, scale: 2, nullable: true }) hoursAttended: string | null;
  @Column('timestamptz', { nullable: true }) completedAt: Date | null;
  @Column('timestamptz', { nullable: true }) satisfactionRecordedAt: Date | null;
  @Column('int') version: number;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
}
