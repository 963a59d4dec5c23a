import type { BeneficiaryRegisteredV1 } from '@mrm/contracts';
import { aRegisteredEvent, bearer, TestService, waitFor } from '@mrm/testing';
import { DataSource } from 'typeorm';
import { TrainingConfig } from '../../src/training.config';
import { TrainingModule } from '../../src/training.module';
import { TRAINING_OPENAPI } from '../../src/training.openapi';

export const coordinator = bearer('MINISTRY', ['coordinator'], 'coordinator-1');
export const trainer = bearer('IOM', ['trainer'], 'trainer-1');
export const caseWorker = bearer('IOM', ['case-worker'], 'case-worker-1');
export const otherTrainer = bearer('COOPI', ['trainer'], 'trainer-coopi');
export const analyst = bearer('MINISTRY', ['analyst'], 'analyst-1');

export function startTraining(): Promise<TestService> {
  return TestService.start({
    service: 'training',
    configClass: TrainingConfig,
    rootModule: (config) => TrainingModule.forRoot(config),
    openApi: TRAINING_OPENAPI,
  });
}

/** A valid course request organised by IOM and run by trainer-1. */
export function aCourse(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Développement personnel',
    kind: 'personal-development',
    programmeCode: 'FORAS',
    organisingOrg: 'IOM',
    trainerIds: ['trainer-1'],
    languages: ['ar', 'fr'],
    regionCode: '05',
    venue: 'Maison des jeunes, Khouribga',
    capacity: 5,
    targetCategories: ['returning-moroccan', 'foreign-avrr'],
    startsOn: '2026-03-02',
    endsOn: '2026-04-30',
    ...overrides,
  };
}

/** The outbox rows of one event type, oldest first, with the event's data as `payload`. */
export async function outboxOf(
  sut: TestService,
  type: string,
): Promise<Array<{ subject: string; payload: Record<string, unknown> }>> {
  const rows: Array<{ subject: string; envelope: { data: Record<string, unknown> } }> =
    await sut.app
      .get(DataSource)
      .query(
        'SELECT subject, payload AS envelope FROM outbox_message WHERE type = $1 ORDER BY occurred_at, id',
        [type],
      );
  return rows.map((row) => ({ subject: row.subject, payload: row.envelope.data }));
}

/** Creates a course with the coordinator and moves it to `status` through the API. */
export async function courseIn(
  sut: TestService,
  status: 'draft' | 'open' | 'running',
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  const created = await sut.http
    .post('/api/v1/courses')
    .set('authorization', coordinator)
    .send(aCourse(overrides))
    .expect(201);
  let course = created.body as { id: string; version: number };
  const steps = status === 'draft' ? [] : status === 'open' ? ['open'] : ['open', 'start'];
  for (const step of steps) {
    course = (
      await sut.http
        .post(`/api/v1/courses/${course.id}/${step}`)
        .set('authorization', coordinator)
        .set('if-match', `"${course.version}"`)
        .expect(200)
    ).body;
  }
  return course;
}

/** Publishes `beneficiary.registered.v1` for each and waits until the roster holds them all. */
export async function registered(
  sut: TestService,
  count: number,
  overrides: Partial<BeneficiaryRegisteredV1> = {},
): Promise<string[]> {
  const events = Array.from({ length: count }, () => aRegisteredEvent(overrides));
  for (const event of events) await sut.publish(event);
  const ids = events.map((event) => event.data.beneficiaryId);
  await waitFor(
    async () => {
      const [{ n }]: Array<{ n: number }> = await sut.app
        .get(DataSource)
        .query(
          'SELECT count(*)::int AS n FROM roster_beneficiary WHERE beneficiary_id = ANY($1) AND version > 0',
          [ids],
        );
      return n === count;
    },
    { what: `${count} roster entries` },
  );
  return ids;
}

/** Enrols a beneficiary with the coordinator. */
export function enrol(
  sut: TestService,
  courseId: string,
  beneficiaryId: string,
  token = coordinator,
) {
  return sut.http
    .post(`/api/v1/courses/${courseId}/enrolments`)
    .set('authorization', token)
    .send({ beneficiaryId });
}

/** Adds a session with the course's trainer and returns its id. */
export async function sessionOn(
  sut: TestService,
  courseId: string,
  date: string,
  times: [string, string] = ['09:00', '11:30'],
): Promise<string> {
  const response = await sut.http
    .post(`/api/v1/courses/${courseId}/sessions`)
    .set('authorization', trainer)
    .send({ date, startTime: times[0], endTime: times[1] })
    .expect(201);
  return response.body.id;
}

/** Records a session's sheet with the course's trainer. */
export function sheet(
  sut: TestService,
  sessionId: string,
  entries: Array<{ beneficiaryId: string; status: string }>,
  token = trainer,
) {
  return sut.http
    .put(`/api/v1/sessions/${sessionId}/attendance`)
    .set('authorization', token)
    .send({ entries });
}

/** Moves a course along with the trainer, reading its current ETag first. */
export async function transition(sut: TestService, courseId: string, step: string, status = 200) {
  const current = await sut.http.get(`/api/v1/courses/${courseId}`).set('authorization', trainer);
  return sut.http
    .post(`/api/v1/courses/${courseId}/${step}`)
    .set('authorization', trainer)
    .set('if-match', current.headers.etag)
    .expect(status);
}
