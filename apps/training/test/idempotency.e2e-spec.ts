import type { TestService } from '@mrm/testing';
import { DataSource } from 'typeorm';
import {
  aCourse,
  coordinator,
  courseIn,
  enrol,
  outboxOf,
  registered,
  sessionOn,
  sheet,
  startTraining,
  trainer,
  transition,
} from './support/training-api';

// Every create of training takes an Idempotency-Key: the same key and body replay the first answer
// (one row, one event); the same key with another body is refused with 422, changing nothing.
describe('Idempotency-Key on training creates (e2e)', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await startTraining();
  });

  afterAll(async () => {
    await sut?.stop();
  });

  const count = async (table: string) =>
    (
      await sut.app
        .get(DataSource)
        .query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${table}`)
    )[0].n;
  const post = (path: string, key: string, body: object, token = coordinator) =>
    sut.http.post(path).set('Authorization', token).set('Idempotency-Key', key).send(body);

  /** Posts twice with one key, then once more with another body; returns the first answer. */
  async function twiceThenAnother(path: string, key: string, body: object, other: object) {
    const first = await post(path, key, body).expect(201);
    const second = await post(path, key, body).expect(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    const reused = await post(path, key, other).expect(422);
    expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
    return first;
  }

  it('creates one course for two posts with one key', async () => {
    const before = await count('course');

    await twiceThenAnother('/api/v1/courses', 'course-foras-2026-04', aCourse(), {
      ...aCourse(),
      title: 'Another course',
    });

    expect(await count('course')).toBe(before + 1);
  });

  it('adds one session for two posts with one key', async () => {
    const course = await courseIn(sut, 'open');

    await twiceThenAnother(
      `/api/v1/courses/${course.id}/sessions`,
      `session-${course.id}`,
      { date: '2026-04-06', startTime: '09:00', endTime: '12:00' },
      { date: '2026-04-07', startTime: '09:00', endTime: '12:00' },
    );

    const sessions = await sut.http
      .get(`/api/v1/courses/${course.id}/sessions`)
      .set('Authorization', trainer)
      .expect(200);
    expect(sessions.body.items).toHaveLength(1);
  });

  it('enrols once, with one enrolment.created event, for two posts with one key', async () => {
    const course = await courseIn(sut, 'open');
    const [person, other] = await registered(sut, 2);

    const first = await twiceThenAnother(
      `/api/v1/courses/${course.id}/enrolments`,
      `enrol-${person}`,
      { beneficiaryId: person },
      { beneficiaryId: other },
    );

    const events = (await outboxOf(sut, 'enrolment.created.v1')).filter(
      (row) => row.payload.courseId === course.id,
    );
    expect(events.map((row) => row.payload.enrolmentId)).toEqual([first.body.id]);
  });

  it('records one satisfaction answer for two posts with one key', async () => {
    const course = await courseIn(sut, 'running', { capacity: 1 });
    const [person] = await registered(sut, 1);
    const enrolment = (await enrol(sut, course.id, person).expect(201)).body as { id: string };
    const session = await sessionOn(sut, course.id, '2026-04-06');
    await sheet(sut, session, [{ beneficiaryId: person, status: 'present' }]).expect(200);
    await transition(sut, course.id, 'complete');
    const answer = { overall: 5, usefulness: 4, wouldRecommend: true };

    await twiceThenAnother(
      `/api/v1/courses/${course.id}/enrolments/${enrolment.id}/satisfaction`,
      `survey-${enrolment.id}`,
      answer,
      { ...answer, overall: 1 },
    );

    const events = (await outboxOf(sut, 'satisfaction.recorded.v1')).filter(
      (row) => row.payload.courseId === course.id,
    );
    expect(events).toHaveLength(1);
  });
});
