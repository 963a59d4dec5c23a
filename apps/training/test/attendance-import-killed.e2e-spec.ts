import type { TestService } from '@mrm/testing';
import { waitFor } from '@mrm/testing';
import { Workbook } from 'exceljs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  courseIn,
  enrol,
  registered,
  sessionOn,
  startTraining,
  trainer,
} from './support/training-api';
import { TrainingProcess } from './support/training-process';

const PEOPLE = 4;

// The import runs in a second training process (the built service) which is killed with SIGKILL
// while it is in the middle of a file: two sessions committed, the third waiting on a row lock the
// test holds. After a restart the same file is imported again: every attendance line is there
// once, and the bus holds each session's `attendance.recorded.v1` once.
describe('attendance import killed mid-file (e2e, built service)', () => {
  let sut: TestService;
  let importer: TrainingProcess | undefined;
  let locker: Client;

  beforeAll(async () => {
    sut = await startTraining();
    locker = new Client({ connectionString: sut.databaseUrl });
    await locker.connect();
  });

  afterAll(async () => {
    await importer?.stop('SIGKILL');
    await locker?.end();
    await sut?.stop();
  });

  const db = () => sut.app.get(DataSource);
  const upload = async (target: TrainingProcess, courseId: string, file: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([file]), 'attendance.xlsx');
    return fetch(`${target.url}/api/v1/courses/${courseId}/attendance-imports`, {
      method: 'POST',
      headers: { authorization: trainer },
      body: form,
    });
  };
  const linesPerSession = async (sessions: string[]) => {
    const rows: Array<{ session_id: string; n: number }> = await db().query(
      `SELECT session_id, count(*)::int AS n FROM attendance WHERE session_id = ANY($1)
        GROUP BY session_id`,
      [sessions],
    );
    return sessions.map((id) => rows.find((row) => row.session_id === id)?.n ?? 0);
  };

  /** A running course of PEOPLE with three sessions, and its template filled with present. */
  async function filledTemplate() {
    const course = await courseIn(sut, 'running', { capacity: PEOPLE });
    for (const id of await registered(sut, PEOPLE)) await enrol(sut, course.id, id).expect(201);
    const sessions = [
      await sessionOn(sut, course.id, '2026-04-06'),
      await sessionOn(sut, course.id, '2026-04-07'),
      await sessionOn(sut, course.id, '2026-04-08'),
    ];
    const template = await sut.http
      .get(`/api/v1/courses/${course.id}/attendance-template`)
      .set('authorization', trainer)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(template.body as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    for (let person = 0; person < PEOPLE; person++) {
      sessions.forEach((_, session) => {
        sheet.getRow(person + 3).getCell(session + 2).value = 'P';
      });
    }
    return { courseId: course.id, sessions, file: Buffer.from(await workbook.xlsx.writeBuffer()) };
  }

  it('loses and doubles no attendance line nor event when the importing process is killed', async () => {
    const { courseId, sessions, file } = await filledTemplate();
    importer = await TrainingProcess.start({
      databaseUrl: sut.databaseUrl,
      namespace: sut.namespace,
    });
    // The third session's row is locked here: the import blocks inside that session's transaction.
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM course_session WHERE id = $1 FOR UPDATE', [sessions[2]]);
    let outcome: string | undefined;
    const dying = upload(importer, courseId, file).then(
      async (response) => (outcome = `answered ${response.status}: ${await response.text()}`),
      () => (outcome = 'connection lost'),
    );
    await waitFor(
      async () =>
        outcome !== undefined ||
        // Asked outside the locker's transaction, whose view of pg_stat_activity is a snapshot.
        (
          await db().query(
            `SELECT 1 FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock'
                AND query LIKE '%FROM "course_session"%'`,
          )
        ).length === 1,
      { what: 'the import to wait on the third session', timeoutMs: 30_000 },
    );
    expect(outcome).toBeUndefined();
    expect(await linesPerSession(sessions)).toEqual([PEOPLE, PEOPLE, 0]);

    await importer.stop('SIGKILL');
    await locker.query('ROLLBACK');
    expect(await dying).toBe('connection lost');
    importer = await TrainingProcess.start({
      databaseUrl: sut.databaseUrl,
      namespace: sut.namespace,
    });
    const rerun = await upload(importer, courseId, file);

    expect(rerun.status).toBe(200);
    const report = (await rerun.json()) as { sessions: Array<{ changed: boolean }> };
    expect(report.sessions.map((session) => session.changed)).toEqual([false, false, true]);
    expect(await linesPerSession(sessions)).toEqual([PEOPLE, PEOPLE, PEOPLE]);
    await waitFor(
      async () =>
        (
          await db().query(
            `SELECT 1 FROM outbox_message WHERE type = 'attendance.recorded.v1'
                AND published_at IS NULL`,
          )
        ).length === 0,
      { what: 'the outbox to be published' },
    );
    const onTheBus = (await sut.streams.ofType('TRAINING', 'attendance.recorded.v1')).map(
      (message) => (JSON.parse(message.data) as { sessionId: string }).sessionId,
    );
    expect(onTheBus.filter((id) => sessions.includes(id)).sort()).toEqual([...sessions].sort());
  }, 120_000);
});
