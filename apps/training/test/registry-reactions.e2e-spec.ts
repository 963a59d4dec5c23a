import { beneficiaryErasedV1, beneficiaryMergedV1, uuidv7 } from '@mrm/contracts';
import { waitFor, type TestService } from '@mrm/testing';
import { DataSource } from 'typeorm';
import {
  courseIn,
  enrol,
  outboxOf,
  registered,
  startTraining,
  trainer,
  transition,
} from './support/training-api';

describe('reactions to the registry (e2e)', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await startTraining();
  });

  afterAll(async () => {
    await sut?.stop();
  });

  const rows = (sql: string, params: unknown[]) => sut.app.get(DataSource).query(sql, params);
  const list = async (courseId: string) =>
    (await sut.http.get(`/api/v1/courses/${courseId}/enrolments`).set('authorization', trainer))
      .body.items as Array<{ beneficiaryId: string | null; status: string }>;

  const erase = (beneficiaryId: string) =>
    beneficiaryErasedV1.build(
      { beneficiaryId, erasedAt: new Date().toISOString() },
      { subject: beneficiaryId, correlationId: uuidv7() },
    );

  it('anonymises an erased beneficiary’s enrolments and answers, freeing a place once', async () => {
    const running = await courseIn(sut, 'running', { capacity: 1 });
    const done = await courseIn(sut, 'running', { capacity: 1 });
    const [erased, waiting] = await registered(sut, 2);
    await enrol(sut, running.id, erased).expect(201);
    await enrol(sut, running.id, waiting).expect(201);
    const past = (await enrol(sut, done.id, erased).expect(201)).body;
    await transition(sut, done.id, 'complete');
    await sut.http
      .post(`/api/v1/courses/${done.id}/enrolments/${past.id}/satisfaction`)
      .set('authorization', trainer)
      .send({ overall: 4, usefulness: 4, wouldRecommend: true, comment: 'Merci, Fatima' })
      .expect(201);
    const event = erase(erased);

    await sut.publish(event);
    await sut.publish(event);

    await waitFor(
      async () =>
        (await rows('SELECT 1 FROM enrolment WHERE beneficiary_id = $1', [erased])).length === 0,
      { what: 'the erasure' },
    );
    expect(await list(running.id)).toEqual([
      expect.objectContaining({ beneficiaryId: waiting, status: 'enrolled' }),
      expect.objectContaining({ beneficiaryId: null, status: 'withdrawn' }),
    ]);
    expect(await list(done.id)).toEqual([
      expect.objectContaining({ beneficiaryId: null, status: 'enrolled', outcome: 'completed' }),
    ]);
    const answers = await rows(
      'SELECT beneficiary_id, comment, overall FROM satisfaction_response WHERE course_id = $1',
      [done.id],
    );
    expect(answers).toEqual([{ beneficiary_id: null, comment: null, overall: 4 }]);
    // Redelivered: the inbox skips it, so the place is freed and announced once.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const withdrawn = (await outboxOf(sut, 'enrolment.withdrawn.v1')).filter(
      (row) => row.payload.courseId === running.id,
    );
    expect(withdrawn.map((row) => [row.payload.beneficiaryId, row.payload.reason])).toEqual([
      [undefined, 'beneficiary-erased'],
    ]);
    const promoted = (await outboxOf(sut, 'enrolment.promoted.v1')).filter(
      (row) => row.payload.courseId === running.id,
    );
    expect(promoted).toHaveLength(1);
  });

  it('re-points a merged duplicate’s enrolments, keeping one per course', async () => {
    const both = await courseIn(sut, 'open', { capacity: 1 });
    const onlyDuplicate = await courseIn(sut, 'open');
    const [survivor, duplicate, third] = await registered(sut, 3);
    await enrol(sut, both.id, duplicate).expect(201);
    await enrol(sut, both.id, survivor).expect(201);
    await enrol(sut, both.id, third).expect(201);
    await enrol(sut, onlyDuplicate.id, duplicate).expect(201);

    await sut.publish(
      beneficiaryMergedV1.build(
        {
          beneficiaryId: survivor,
          mergedBeneficiaryId: duplicate,
          mergedAt: new Date().toISOString(),
        },
        { subject: survivor, correlationId: uuidv7() },
      ),
    );

    await waitFor(
      async () =>
        (await rows('SELECT 1 FROM enrolment WHERE beneficiary_id = $1', [duplicate])).length === 0,
      { what: 'the merge' },
    );
    // The duplicate held the place and the survivor waited: the place is kept, for the survivor.
    expect(await list(both.id)).toEqual([
      expect.objectContaining({ beneficiaryId: survivor, status: 'enrolled' }),
      expect.objectContaining({ beneficiaryId: third, status: 'waiting', waitingPosition: 2 }),
      expect.objectContaining({ beneficiaryId: null, status: 'withdrawn' }),
    ]);
    expect(await list(onlyDuplicate.id)).toEqual([
      expect.objectContaining({ beneficiaryId: survivor, status: 'enrolled' }),
    ]);
  });
});
