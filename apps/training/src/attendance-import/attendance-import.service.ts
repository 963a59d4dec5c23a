import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { DomainError } from '@mrm/errors';
import { DataSource } from 'typeorm';
import { AttendanceService } from '../attendance/attendance.service';
import { assertCanManage } from '../courses/course-access';
import { CoursesService } from '../courses/courses.service';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { casablancaParts } from '../sessions/casablanca-time';
import { SessionsService } from '../sessions/sessions.service';
import { AttendanceImportError } from './attendance-import.errors';
import { buildTemplate, readWorkbook, type WorkbookRow } from './attendance-workbook';

export interface ImportRowResult {
  readonly row: number;
  readonly beneficiaryId: string;
  readonly accepted: boolean;
  readonly errors: string[];
}

export interface ImportSessionResult {
  readonly sessionId: string;
  readonly recorded: boolean;
  readonly changed: boolean;
  readonly error: string | null;
}

export interface AttendanceImportReport {
  readonly rows: ImportRowResult[];
  readonly sessions: ImportSessionResult[];
}

/**
 * The XLSX sheets trainers keep: one column per session, one row per participant. Each session's
 * column is recorded as that session's sheet in its own transaction, so an interrupted import
 * leaves whole sheets, and importing the same file again changes and announces nothing more.
 */
@Injectable()
export class AttendanceImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly courses: CoursesService,
    private readonly sessions: SessionsService,
    private readonly enrolments: EnrolmentsService,
    private readonly attendance: AttendanceService,
  ) {}

  async template(input: { principal: Principal; courseId: string }): Promise<Buffer> {
    const course = await this.courses.get(input);
    assertCanManage(input.principal, course);
    const held = (await this.sessions.listForCourse(input)).filter((s) => s.status === 'scheduled');
    const enrolled = await this.enrolments.enrolledOf(this.dataSource.manager, course.id);
    return buildTemplate(
      held.map((session) => {
        const { date, time } = casablancaParts(session.startsAt);
        return { sessionId: session.id, label: `${date} ${time}` };
      }),
      enrolled.flatMap((enrolment) => (enrolment.beneficiaryId ? [enrolment.beneficiaryId] : [])),
    );
  }

  async run(input: {
    principal: Principal;
    courseId: string;
    file: Buffer;
  }): Promise<AttendanceImportReport> {
    const course = await this.courses.get(input);
    assertCanManage(input.principal, course);
    const { sessionIds, rows } = await readWorkbook(input.file);
    const known = new Set((await this.sessions.listForCourse(input)).map((session) => session.id));
    const unknown = sessionIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new AttendanceImportError('ATTENDANCE_IMPORT_UNKNOWN_SESSION', {
        detail: `Unknown: ${unknown.join(', ')}`,
      });
    }
    const enrolled = new Set(
      (await this.enrolments.enrolledOf(this.dataSource.manager, course.id)).map(
        (e) => e.beneficiaryId,
      ),
    );
    const results = rows.map((row) => checkRow(row, enrolled));
    const accepted = rows.filter((_, index) => results[index].accepted);
    const sessions: ImportSessionResult[] = [];
    for (const sessionId of sessionIds) {
      const entries = accepted.flatMap((row) =>
        row.marks
          .filter((mark) => mark.sessionId === sessionId)
          .map((mark) => ({ beneficiaryId: row.beneficiaryId, status: mark.status! })),
      );
      sessions.push(await this.recordSession(input.principal, sessionId, entries));
    }
    return { rows: results, sessions };
  }

  // A refused session (cancelled, say) is reported and the next one still recorded.
  private async recordSession(
    principal: Principal,
    sessionId: string,
    entries: Array<{ beneficiaryId: string; status: string }>,
  ): Promise<ImportSessionResult> {
    try {
      const sheet = await this.attendance.record({ principal, sessionId, entries });
      return { sessionId, recorded: true, changed: sheet.changed, error: null };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { sessionId, recorded: false, changed: false, error: error.code };
    }
  }
}

function checkRow(row: WorkbookRow, enrolled: ReadonlySet<string | null>): ImportRowResult {
  const errors: string[] = [];
  if (!enrolled.has(row.beneficiaryId)) errors.push('beneficiaryId: holds no place in the course');
  for (const mark of row.marks) {
    if (!mark.status) errors.push(`${mark.sessionId}: "${mark.raw}" is not P, A or E`);
  }
  return { row: row.row, beneficiaryId: row.beneficiaryId, accepted: errors.length === 0, errors };
}
