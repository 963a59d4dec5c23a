import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CourseStatus, CourseView } from './course-view';

/** A course of a training cycle; constraints and indexes are in the CreateCourse migration. */
@Entity({ name: 'course' })
export class CourseEntity implements CourseView {
  @PrimaryColumn('uuid') id: string;
  @Column('text') title: string;
  /** One of `COURSE_KINDS`. */
  @Column('text') kind: string;
  @Column('text') programmeCode: string;
  /** Institution code of the organising institution. */
  @Column('text') organisingOrg: string;
  /** Token `sub` of the trainers named on the course: they manage it. */
  @Column('text', { array: true }) trainerIds: string[];
  /** ISO 639-1 codes. */
  @Column('text', { array: true }) languages: string[];
  @Column('char', { length: 2 }) regionCode: string;
  @Column('text', { nullable: true }) venue: string | null;
  @Column('int') capacity: number;
  @Column('text', { array: true }) targetCategories: string[];
  @Column('date') startsOn: string;
  @Column('date') endsOn: string;
  @Column('int') minAttendancePercent: number;
  @Column('boolean') assessmentRequired: boolean;
  @Column('text') status: CourseStatus;
  @Column('text', { nullable: true }) cancellationReason: string | null;
  @Column('timestamptz', { nullable: true }) completedAt: Date | null;
  /** Bumped once per change: the ETag. */
  @Column('int') version: number;
  // Set by the service (millisecond precision) so that list cursors compare exactly.
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
}
