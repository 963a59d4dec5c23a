import { performance } from 'node:perf_hooks';
import { bearer, startTestService } from '@mrm/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TrainingConfig } from '../apps/training/src/training.config';
import { TrainingModule } from '../apps/training/src/training.module';
import { TRAINING_OPENAPI } from '../apps/training/src/training.openapi';
import { envInt, fmtMs, fmtRate } from './lib/stats';
import type { BenchResources } from './lib/substrate';

export const SHEET_COURSES = envInt('BENCH_TRAINING_COURSES', 10);
export const SHEET_SESSIONS = envInt('BENCH_TRAINING_SESSIONS', 10);
export const SHEET_CONCURRENCY = envInt('BENCH_TRAINING_CONCURRENCY', 4);
export const COMPLETION_ENROLMENTS = envInt('BENCH_TRAINING_COMPLETION_ENROLMENTS', 300);
const PEOPLE_PER_COURSE = 30;

export interface TrainingResult {
  readonly sheets: number;
  readonly sheetsPerSecond: number;
  readonly completeMs: number;
}

const trainer = bearer('IOM', ['trainer'], 'bench-trainer');
type Http = ReturnType<typeof request>;

// In this process, like the e2e tests: the figures are the service's own work per request (HTTP,
// validation, locks, SQL, outbox), without a process boundary. Roster rows are inserted directly.
export async function trainingFigures(resources: BenchResources): Promise<TrainingResult> {
  const database = await resources.database('training');
  const { app } = await startTestService({
    service: 'training',
    configClass: TrainingConfig,
    rootModule: (config) => TrainingModule.forRoot(config),
    openApi: TRAINING_OPENAPI,
    databaseUrl: database.url,
    namespace: resources.namespace(),
  });
  resources.onRelease('close the training app', () => app.close());
  const http = request(app.getHttpServer());
  const roster = (count: number) => seedRoster(app.get(DataSource), count);

  const courses = [];
  for (let i = 0; i < SHEET_COURSES; i++) {
    courses.push(await courseWith(http, await roster(PEOPLE_PER_COURSE), SHEET_SESSIONS));
  }
  const sheets = courses.flatMap((course) =>
    course.sessions.map((sessionId, index) => ({ sessionId, people: course.people, index })),
  );
  const started = performance.now();
  await inParallel(sheets, SHEET_CONCURRENCY, (sheet) => putSheet(http, sheet));
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `  ${sheets.length} sheets of ${PEOPLE_PER_COURSE} in ${seconds.toFixed(1)} s: ${fmtRate(sheets.length / seconds, 'sheets/s')}`,
  );

  const big = await courseWith(http, await roster(COMPLETION_ENROLMENTS), SHEET_SESSIONS);
  await inParallel(
    big.sessions.map((sessionId, index) => ({ sessionId, people: big.people, index })),
    SHEET_CONCURRENCY,
    (sheet) => putSheet(http, sheet),
  );
  const version = (await http.get(`/api/v1/courses/${big.id}`).set('authorization', trainer))
    .headers.etag;
  const completeStarted = performance.now();
  await http
    .post(`/api/v1/courses/${big.id}/complete`)
    .set('authorization', trainer)
    .set('if-match', version)
    .expect(200);
  const completeMs = performance.now() - completeStarted;
  console.log(
    `  completing a course of ${COMPLETION_ENROLMENTS} enrolments × ${SHEET_SESSIONS} sessions: ${fmtMs(completeMs)}`,
  );
  return { sheets: sheets.length, sheetsPerSecond: sheets.length / seconds, completeMs };
}

async function seedRoster(db: DataSource, count: number): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.query(
    `INSERT INTO roster_beneficiary
       (beneficiary_id, owner_org, category, sex, birth_year, nationality, region_code, version)
     SELECT gen_random_uuid(), 'IOM', 'returning-moroccan',
            CASE WHEN n % 2 = 0 THEN 'female' ELSE 'male' END, 1980 + n % 20, 'MA', '05', 1
       FROM generate_series(1, $1) AS n
     RETURNING beneficiary_id AS id`,
    [count],
  );
  return rows.map((row) => row.id);
}

async function courseWith(http: Http, people: string[], sessions: number) {
  const course = (
    await http
      .post('/api/v1/courses')
      .set('authorization', trainer)
      .send({
        title: 'Bench course',
        kind: 'collective-awareness',
        programmeCode: 'FORAS',
        organisingOrg: 'IOM',
        trainerIds: ['bench-trainer'],
        languages: ['ar'],
        regionCode: '05',
        capacity: people.length,
        targetCategories: ['returning-moroccan'],
        startsOn: '2026-03-01',
        endsOn: '2026-06-30',
      })
      .expect(201)
  ).body as { id: string; version: number };
  for (const step of ['open', 'start']) {
    const { etag } = (await http.get(`/api/v1/courses/${course.id}`).set('authorization', trainer))
      .headers;
    await http
      .post(`/api/v1/courses/${course.id}/${step}`)
      .set('authorization', trainer)
      .set('if-match', etag)
      .expect(200);
  }
  await inParallel(people, 4, (beneficiaryId) =>
    http
      .post(`/api/v1/courses/${course.id}/enrolments`)
      .set('authorization', trainer)
      .send({ beneficiaryId })
      .expect(201),
  );
  const sessionIds: string[] = [];
  for (let day = 0; day < sessions; day++) {
    const date = `2026-04-${String(day + 1).padStart(2, '0')}`;
    const session = await http
      .post(`/api/v1/courses/${course.id}/sessions`)
      .set('authorization', trainer)
      .send({ date, startTime: '09:00', endTime: '12:00' })
      .expect(201);
    sessionIds.push((session.body as { id: string }).id);
  }
  return { id: course.id, people, sessions: sessionIds };
}

function putSheet(http: Http, sheet: { sessionId: string; people: string[]; index: number }) {
  const statuses = ['present', 'present', 'present', 'absent', 'excused'];
  return http
    .put(`/api/v1/sessions/${sheet.sessionId}/attendance`)
    .set('authorization', trainer)
    .send({
      entries: sheet.people.map((beneficiaryId, i) => ({
        beneficiaryId,
        status: statuses[(i + sheet.index) % statuses.length],
      })),
    })
    .expect(200);
}

async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  run: (item: T) => PromiseLike<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
