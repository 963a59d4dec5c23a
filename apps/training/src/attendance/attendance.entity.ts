import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** One line of a session's attendance sheet. */
@Entity({ name: 'attendance' })
export class AttendanceEntity {
  @PrimaryColumn('uuid') sessionId: string;
  @PrimaryColumn('uuid') enrolmentId: string;
  @Column('text') status: AttendanceStatus;
  /** Token `sub` of who recorded the line (a trainer), not the beneficiary. */
  @Column('text') recordedBy: string;
  @Column('timestamptz') recordedAt: Date;
}
