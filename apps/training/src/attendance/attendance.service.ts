import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { attendanceRecordedV1 } from '@mrm/contracts';
import type { FieldViolation } from '@mrm/errors';
import { OutboxWriter } from '@mrm/messaging';
import { DataSource, In, type EntityManager } from 'typeorm';
import { assertCanManage } from '../courses/course-access';
import { courseDimensionsOf, type CourseView } from '../courses/course-view';
import type { EnrolmentView } from '../enrolments/enrolment-view';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { casablancaParts } from '../sessions/casablanca-time';
import { sessionHours, type SessionView } from '../sessions/session-view';
import { SessionsService } from '../sessions/sessions.service';
import { AttendanceEntity, type AttendanceStatus } from './attendance.entity';
import { AttendanceError } from './attendance.errors';
import { countsOf, type AttendanceLine, type AttendanceSheet } from './attendance-sheet';

export interface SheetInput {
  readonly principal: Principal;
  readonly sessionId: string;
  readonly entries: ReadonlyArray<{ readonly beneficiaryId: string; readonly status: string }>;
}

@Injectable()
export class AttendanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly enrolments: EnrolmentsService,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Records a session's whole sheet; sending the same sheet again changes and announces nothing. */
  async record(input: SheetInput): Promise<AttendanceSheet> {
    return this.dataSource.transaction((em) => this.recordIn(em, input));
  }

  /** The same in the caller's transaction (the XLSX import runs one per session). */
  async recordIn(em: EntityManager, input: SheetInput): Promise<AttendanceSheet> {
    const { session, course } = await this.sessions.lockWithCourse(em, input.sessionId);
    assertCanManage(input.principal, course);
    assertRecordable(course, session);
    const enrolled = await this.enrolments.enrolledOf(em, course.id);
    const lines = linesOf(input.entries, enrolled);
    const before = await em.findBy(AttendanceEntity, { sessionId: session.id });
    const changed =
      before.length !== lines.length ||
      lines.some(
        (line) => before.find((b) => b.enrolmentId === line.enrolmentId)?.status !== line.status,
      );
    if (changed) {
      await this.replace(em, { session, lines, recordedBy: input.principal.sub });
      await this.outbox.append(
        em,
        attendanceRecordedV1,
        {
          ...courseDimensionsOf(course),
          sessionId: session.id,
          sessionDate: casablancaParts(session.startsAt).date,
          sessionHours: sessionHours(session),
          ...countsOf(lines),
        },
        { subject: session.id },
      );
    }
    return { sessionId: session.id, courseId: course.id, lines, counts: countsOf(lines), changed };
  }

  async get(input: { principal: Principal; sessionId: string }): Promise<AttendanceSheet> {
    const session = await this.sessions.get(input);
    return this.dataSource.transaction(async (em) => {
      const rows = await em.find(AttendanceEntity, {
        where: { sessionId: session.id },
        order: { enrolmentId: 'ASC' },
      });
      const enrolments = await this.enrolments.allOf(em, session.courseId);
      const byId = new Map(enrolments.map((enrolment) => [enrolment.id, enrolment]));
      const lines = rows.map((row) => ({
        enrolmentId: row.enrolmentId,
        beneficiaryId: byId.get(row.enrolmentId)?.beneficiaryId ?? null,
        status: row.status,
      }));
      return {
        sessionId: session.id,
        courseId: session.courseId,
        lines,
        counts: countsOf(lines),
        changed: false,
      };
    });
  }

  /** Every line recorded for these sessions, for completion. */
  async linesOf(
    em: EntityManager,
    sessionIds: readonly string[],
  ): Promise<Array<{ sessionId: string; enrolmentId: string; status: AttendanceStatus }>> {
    if (sessionIds.length === 0) return [];
    return em.find(AttendanceEntity, { where: { sessionId: In([...sessionIds]) } });
  }

  private async replace(
    em: EntityManager,
    input: { session: SessionView; lines: readonly AttendanceLine[]; recordedBy: string },
  ): Promise<void> {
    await em.delete(AttendanceEntity, { sessionId: input.session.id });
    if (input.lines.length === 0) return;
    const recordedAt = new Date();
    await em.insert(
      AttendanceEntity,
      input.lines.map((line) => ({
        sessionId: input.session.id,
        enrolmentId: line.enrolmentId,
        status: line.status,
        recordedBy: input.recordedBy,
        recordedAt,
      })),
    );
  }
}

function assertRecordable(course: CourseView, session: SessionView): void {
  if (course.status !== 'open' && course.status !== 'running') {
    throw new AttendanceError('ATTENDANCE_COURSE_CLOSED', {
      detail: `The course is ${course.status}`,
    });
  }
  if (session.status === 'cancelled') throw new AttendanceError('ATTENDANCE_SESSION_CANCELLED');
}

/** Maps the sheet's roster references to the enrolments holding a place; 400 for any other line. */
function linesOf(
  entries: SheetInput['entries'],
  enrolled: readonly EnrolmentView[],
): AttendanceLine[] {
  const byBeneficiary = new Map(enrolled.map((enrolment) => [enrolment.beneficiaryId, enrolment]));
  const seen = new Set<string>();
  const duplicates: FieldViolation[] = [];
  const strangers: FieldViolation[] = [];
  const lines = entries.flatMap((entry, index) => {
    const field = `entries[${index}].beneficiaryId`;
    if (seen.has(entry.beneficiaryId)) duplicates.push({ field, message: 'listed twice' });
    seen.add(entry.beneficiaryId);
    const enrolment = byBeneficiary.get(entry.beneficiaryId);
    if (!enrolment) {
      strangers.push({ field, message: 'holds no place in the course' });
      return [];
    }
    return [
      {
        enrolmentId: enrolment.id,
        beneficiaryId: entry.beneficiaryId,
        status: entry.status as AttendanceStatus,
      },
    ];
  });
  if (duplicates.length > 0) {
    throw new AttendanceError('ATTENDANCE_DUPLICATE_LINE', { violations: duplicates });
  }
  if (strangers.length > 0) {
    throw new AttendanceError('ATTENDANCE_NOT_ENROLLED', { violations: strangers });
  }
  return lines;
}
