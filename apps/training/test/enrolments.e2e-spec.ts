import { beneficiaryErasedV1, beneficiaryMergedV1, uuidv7 } from '@mrm/contracts';
import { waitFor, type TestService } from '@mrm/testing';
import { DataSource } from 'typeorm';
import {
  analyst,
  caseWorker,
  coordinator,
  courseIn,
  enrol,
  otherTrainer,
  outboxOf,
  registered,
  startTraining,
  trainer,
} from './support/training-api';

describe('enrolments and the waiting list (e2e)', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await startTraining();
  });

  afterAll(async () => {
    await sut?.stop();
  });

  const list = (courseId: string, token = trainer) =>
    sut.http.get(`/api/v1/courses/${courseId}/enrolments`).set('authorization', token);
  const withdraw = (courseId: string, enrolmentId: string, reason = 'found a job') =>
    sut.http
      .post(`/api/v1/courses/${courseId}/enrolments/${enrolmentId}/withdraw`)
      .set('authorization', caseWorker)
      .send({ reason });
  const eventsFor = async (type: string, courseId: string) =>
    (await outboxOf(sut, type)).filter((row) => row.payload.courseId === courseId);

  it('gives 20 concurrent enrolments for 5 places exactly 5 places and 15 waiting, in order', async () => {
    const course = await courseIn(sut, 'open', { capacity: 5 });
    const people = await registered(sut, 20);

    const responses = await Promise.all(people.map((id) => enrol(sut, course.id, id)));

    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    const enrolments = (await list(course.id).expect(200)).body.items as Array<{
      status: string;
      waitingPosition: number | null;
      id: string;
    }>;
    expect(enrolments.filter((e) => e.status === 'enrolled')).toHaveLength(5);
    const waiting = enrolments.filter((e) => e.status === 'waiting');
    expect(waiting.map((e) => e.waitingPosition)).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 1),
    );
    // The waiting positions follow the order in which the enrolments were answered.
    const answeredWaiting = responses
      .map((response) => response.body as { id: string; waitingPosition: number | null })
      .filter((body) => body.waitingPosition !== null)
      .sort((a, b) => a.waitingPosition! - b.waitingPosition!);
    expect(answeredWaiting.map((body) => body.id)).toEqual(waiting.map((e) => e.id));
    expect(await eventsFor('enrolment.created.v1', course.id)).toHaveLength(20);
  });

  it('promotes the head of the waiting list when a place frees, announcing each change once', async () => {
    const course = await courseIn(sut, 'open', { capacity: 1 });
    const [first, second, third] = await registered(sut, 3, { sex: 'male', birthYear: 1988 });
    const holder = (await enrol(sut, course.id, first).expect(201)).body;
    const next = (await enrol(sut, course.id, second).expect(201)).body;
    await enrol(sut, course.id, third).expect(201);

    const withdrawn = await withdraw(course.id, holder.id).expect(200);
    await withdraw(course.id, holder.id).expect(409);

    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawalReason: 'found a job' });
    const items = (await list(course.id).expect(200)).body.items;
    expect(
      items.map((e: { beneficiaryId: string; status: string }) => [e.beneficiaryId, e.status]),
    ).toEqual([
      [second, 'enrolled'],
      [third, 'waiting'],
      [first, 'withdrawn'],
    ]);
    const promoted = await eventsFor('enrolment.promoted.v1', course.id);
    expect(promoted.map((row) => row.payload)).toEqual([
      expect.objectContaining({
        enrolmentId: next.id,
        beneficiaryId: second,
        category: 'returning-moroccan',
        sex: 'male',
        birthYear: 1988,
        courseKind: 'personal-development',
        organisingOrg: 'IOM',
      }),
    ]);
    const withdrawals = await eventsFor('enrolment.withdrawn.v1', course.id);
    expect(withdrawals.map((row) => row.payload.previousStatus)).toEqual(['enrolled']);
  });

  it('promotes in order when the capacity grows, and refuses to shrink below the enrolled', async () => {
    const course = await courseIn(sut, 'open', { capacity: 1 });
    const people = await registered(sut, 4);
    for (const id of people) await enrol(sut, course.id, id).expect(201);
    const capacity = (value: number) =>
      sut.http
        .put(`/api/v1/courses/${course.id}/capacity`)
        .set('authorization', trainer)
        .send({ capacity: value });

    await capacity(3).expect(200);
    const refused = await capacity(2).expect(409);

    expect(refused.body.code).toBe('ENROLMENT_CAPACITY_BELOW_ENROLLED');
    const items = (await list(course.id)).body.items;
    expect(
      items.map((e: { beneficiaryId: string; status: string }) => [e.beneficiaryId, e.status]),
    ).toEqual([
      [people[0], 'enrolled'],
      [people[1], 'enrolled'],
      [people[2], 'enrolled'],
      [people[3], 'waiting'],
    ]);
  });

  it('enrols a merged duplicate as its surviving record, and only once', async () => {
    const course = await courseIn(sut, 'open');
    const [survivor, duplicate] = await registered(sut, 2);
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
        (
          await sut.app
            .get(DataSource)
            .query(
              'SELECT 1 FROM roster_beneficiary WHERE beneficiary_id = $1 AND merged_into = $2',
              [duplicate, survivor],
            )
        ).length === 1,
      { what: 'the merge in the roster' },
    );
    const enrolled = await enrol(sut, course.id, duplicate).expect(201);

    expect(enrolled.body.beneficiaryId).toBe(survivor);
    const again = await enrol(sut, course.id, survivor).expect(409);

    expect(again.body.code).toBe('ENROLMENT_DUPLICATE');
    const items = (await list(course.id)).body.items;
    expect(items.map((e: { beneficiaryId: string }) => e.beneficiaryId)).toEqual([survivor]);
  });

  it.each([
    [
      'an unknown beneficiary',
      () => Promise.resolve(uuidv7()),
      404,
      'ROSTER_BENEFICIARY_NOT_FOUND',
    ],
    [
      'a category the course does not target',
      async () => (await registered(sut, 1, { category: 'moroccan-abroad' }))[0],
      400,
      'ENROLMENT_CATEGORY_NOT_TARGETED',
    ],
    [
      'an erased beneficiary',
      async () => {
        const [id] = await registered(sut, 1);
        await sut.publish(
          beneficiaryErasedV1.build(
            { beneficiaryId: id, erasedAt: new Date().toISOString() },
            { subject: id, correlationId: uuidv7() },
          ),
        );
        await waitFor(
          async () =>
            (
              await sut.app
                .get(DataSource)
                .query(
                  'SELECT 1 FROM roster_beneficiary WHERE beneficiary_id = $1 AND erased_at IS NOT NULL',
                  [id],
                )
            ).length === 1,
          { what: 'the erasure in the roster' },
        );
        return id;
      },
      422,
      'ROSTER_BENEFICIARY_ERASED',
    ],
  ])('answers %s with problem+json, enrolling nobody', async (_what, beneficiary, status, code) => {
    const course = await courseIn(sut, 'open');

    const response = await enrol(sut, course.id, await beneficiary()).expect(status);

    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.code).toBe(code);
    expect((await list(course.id)).body.items).toHaveLength(0);
    expect(await eventsFor('enrolment.created.v1', course.id)).toHaveLength(0);
  });

  it('answers 400 for a malformed beneficiary id and 409 on a draft course', async () => {
    const draft = await courseIn(sut, 'draft');
    const [id] = await registered(sut, 1);

    const malformed = await enrol(sut, draft.id, 'not-a-uuid').expect(400);
    const closed = await enrol(sut, draft.id, id).expect(409);

    expect(malformed.body.errors[0].field).toBe('beneficiaryId');
    expect(closed.body.code).toBe('ENROLMENT_COURSE_NOT_OPEN');
  });

  it('keeps enrolments from analysts and from another institution’s trainers', async () => {
    const course = await courseIn(sut, 'open');
    const [id] = await registered(sut, 1);

    await enrol(sut, course.id, id, otherTrainer).expect(404);
    await list(course.id, analyst).expect(403);
    await list(course.id, otherTrainer).expect(404);
    await enrol(sut, course.id, id, caseWorker).expect(201);
    await list(course.id, coordinator).expect(200);
  });
});
