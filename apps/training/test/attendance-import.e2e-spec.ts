import {
  sharedStringsPart,
  workbookParts,
  worksheetPart,
  zipOf,
  type TestService,
} from '@mrm/testing';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import {
  caseWorker,
  courseIn,
  enrol,
  outboxOf,
  registered,
  sessionOn,
  startTraining,
  trainer,
} from './support/training-api';

describe('bulk attendance import from XLSX (e2e)', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await startTraining();
  });

  afterAll(async () => {
    await sut?.stop();
  });

  const binary = (request: ReturnType<TestService['http']['get']>) =>
    request.buffer(true).parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  const upload = (courseId: string, file: Buffer) =>
    sut.http
      .post(`/api/v1/courses/${courseId}/attendance-imports`)
      .set('authorization', trainer)
      .attach('file', file, 'attendance.xlsx');
  const recordedFor = async (sessionIds: string[]) =>
    (await outboxOf(sut, 'attendance.recorded.v1')).filter((row) =>
      sessionIds.includes(row.payload.sessionId as string),
    );

  /** A running course of `people` with three sessions, and its template filled with `marks`. */
  async function filledTemplate(people: number, mark: (person: number, session: number) => string) {
    const course = await courseIn(sut, 'running', { capacity: people });
    const ids = await registered(sut, people);
    for (const id of ids) await enrol(sut, course.id, id).expect(201);
    const sessions = [
      await sessionOn(sut, course.id, '2026-04-06'),
      await sessionOn(sut, course.id, '2026-04-07'),
      await sessionOn(sut, course.id, '2026-04-08'),
    ];
    const template = await binary(
      sut.http
        .get(`/api/v1/courses/${course.id}/attendance-template`)
        .set('authorization', trainer),
    ).expect(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(template.body as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(2).values).toEqual([undefined, 'sessionId', ...sessions]);
    ids.forEach((_, person) => {
      sessions.forEach((__, session) => {
        sheet.getRow(person + 3).getCell(session + 2).value = mark(person, session);
      });
    });
    return {
      courseId: course.id,
      ids,
      sessions,
      file: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }

  it('records each session’s column, reports per row, and changes nothing when imported again', async () => {
    const { courseId, ids, sessions, file } = await filledTemplate(3, (person, session) =>
      person === 2 && session === 1 ? 'late' : ['P', 'a', 'E'][(person + session) % 3],
    );

    const first = await upload(courseId, file).expect(200);
    const again = await upload(courseId, file).expect(200);

    expect(first.body.rows).toEqual([
      { row: 3, beneficiaryId: ids[0], accepted: true, errors: [] },
      { row: 4, beneficiaryId: ids[1], accepted: true, errors: [] },
      {
        row: 5,
        beneficiaryId: ids[2],
        accepted: false,
        errors: [`${sessions[1]}: "late" is not P, A or E`],
      },
    ]);
    expect(first.body.sessions.map((s: { changed: boolean }) => s.changed)).toEqual([
      true,
      true,
      true,
    ]);
    expect(again.body.sessions.map((s: { changed: boolean }) => s.changed)).toEqual([
      false,
      false,
      false,
    ]);
    expect(await recordedFor(sessions)).toHaveLength(3);
    const read = await sut.http
      .get(`/api/v1/sessions/${sessions[0]}/attendance`)
      .set('authorization', caseWorker);
    expect(read.body).toMatchObject({ present: 1, absent: 1, excused: 0 });
  });

  it('emits each sheet’s event once when the import dies half-way and is run again', async () => {
    const { courseId, sessions, file } = await filledTemplate(2, () => 'P');
    const db = sut.app.get(DataSource);
    // The database refuses the third session's sheet: the import dies there, after two commits.
    await db.query(`
      CREATE FUNCTION refuse_attendance() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'simulated crash'; END $$`);
    await db.query(`
      CREATE TRIGGER refuse_attendance BEFORE INSERT ON attendance FOR EACH ROW
      WHEN (NEW.session_id = '${sessions[2]}') EXECUTE FUNCTION refuse_attendance()`);

    await upload(courseId, file).expect(500);
    expect((await recordedFor(sessions)).map((row) => row.payload.sessionId)).toEqual(
      sessions.slice(0, 2),
    );
    await db.query('DROP TRIGGER refuse_attendance ON attendance');
    await db.query('DROP FUNCTION refuse_attendance');
    const rerun = await upload(courseId, file).expect(200);

    expect(rerun.body.sessions.map((s: { changed: boolean }) => s.changed)).toEqual([
      false,
      false,
      true,
    ]);
    const events = await recordedFor(sessions);
    expect(events.map((row) => row.payload.sessionId).sort()).toEqual([...sessions].sort());
  });

  it.each([
    ['a file that is not a workbook', () => Buffer.from('beneficiaryId;2026-04-06\n'), 400],
    [
      'a workbook without the session row',
      async () => {
        const workbook = new Workbook();
        workbook.addWorksheet('Attendance').addRow(['beneficiaryId']);
        return Buffer.from(await workbook.xlsx.writeBuffer());
      },
      400,
    ],
  ])('answers %s with problem+json, recording nothing', async (_what, file, status) => {
    const { courseId, sessions } = await filledTemplate(1, () => 'P');

    const response = await upload(courseId, await file()).expect(status);

    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await recordedFor(sessions)).toHaveLength(0);
  });

  it('refuses a workbook that inflates far beyond its 2 MB with a 413, before loading it', async () => {
    const course = await courseIn(sut, 'running');
    // 150 KB that inflate to 100 MB of shared strings.
    const bomb = zipOf([
      ...workbookParts(),
      await sharedStringsPart(100_000, 1000),
      worksheetPart(10, 3, 1),
    ]);

    const response = await upload(course.id, bomb).expect(413);

    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.code).toBe('ATTENDANCE_IMPORT_TOO_LARGE');
  });

  it('answers 400 without a file', async () => {
    const course = await courseIn(sut, 'running');

    const response = await sut.http
      .post(`/api/v1/courses/${course.id}/attendance-imports`)
      .set('authorization', trainer)
      .field('note', 'no file')
      .expect(400);

    expect(response.body.code).toBe('ATTENDANCE_IMPORT_FILE_MISSING');
  });
});
