import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SessionStatus, SessionView } from './session-view';

/** A dated occurrence of a course; constraints are in the CreateCourse migration. */
@Entity({ name: 'course_session' })
export class CourseSessionEntity implements SessionView {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') courseId: string;
  @Column('timestamptz') startsAt: Date;
  @Column('timestamptz') endsAt: Date;
  @Column('text', { nullable: true }) venue: string | null;
  @Column('text', { nullable: true }) onlineLink: string | null;
  /** Token `sub` of the trainer who runs this session. */
  @Column('text', { nullable: true }) trainerId: string | null;
  @Column('text') status: SessionStatus;
  @Column('text', { nullable: true }) cancellationReason: string | null;
  @Column('int') version: number;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
}
