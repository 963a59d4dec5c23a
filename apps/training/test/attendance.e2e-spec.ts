import type { TestService } from '@mrm/testing';
import {
  caseWorker,
  courseIn,
  enrol,
  otherTrainer,
  outboxOf,
  registered,
  sessionOn,
  sheet,
  startTraining,
  transition,
} from './support/training-api';

describe('attendance sheets (e2e)', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await startTraining();
  });

  afterAll(async () => {
    await sut?.stop();
  });

  const recorded = async (sessionId: string) =>
    (await outboxOf(sut, 'attendance.recorded.v1')).filter(
      (row) => row.payload.sessionId === sessionId,
    );

  async function runningCourseWith(people: number) {
    const course = await courseIn(sut, 'running', { capacity: people });
    const ids = await registered(sut, people);
    for (const id of ids) await enrol(sut, course.id, id).expect(201);
    const sessionId = await sessionOn(sut, course.id, '2026-04-06');
    return { course, ids, sessionId };
  }

  it('records a sheet once: the same sheet again changes and announces nothing', async () => {
    const { ids, sessionId } = await runningCourseWith(3);
    const entries = [
      { beneficiaryId: ids[0], status: 'present' },
      { beneficiaryId: ids[1], status: 'absent' },
      { beneficiaryId: ids[2], status: 'excused' },
    ];

    const first = await sheet(sut, sessionId, entries).expect(200);
    const again = await sheet(sut, sessionId, entries).expect(200);

    expect(first.body).toMatchObject({ present: 1, absent: 1, excused: 1, changed: true });
    expect(again.body).toMatchObject({ present: 1, absent: 1, excused: 1, changed: false });
    const events = await recorded(sessionId);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({
      sessionDate: '2026-04-06',
      sessionHours: '2.50',
      present: 1,
      absent: 1,
      excused: 1,
      courseKind: 'personal-development',
    });
  });

  it('replaces the sheet on a change and shows it to the institution’s case workers', async () => {
    const { ids, sessionId } = await runningCourseWith(2);
    await sheet(sut, sessionId, [
      { beneficiaryId: ids[0], status: 'present' },
      { beneficiaryId: ids[1], status: 'absent' },
    ]).expect(200);

    await sheet(sut, sessionId, [{ beneficiaryId: ids[0], status: 'absent' }]).expect(200);

    const read = await sut.http
      .get(`/api/v1/sessions/${sessionId}/attendance`)
      .set('authorization', caseWorker)
      .expect(200);
    expect(read.body.entries).toEqual([
      expect.objectContaining({ beneficiaryId: ids[0], status: 'absent' }),
    ]);
    expect((await recorded(sessionId)).map((row) => row.payload.absent)).toEqual([1, 1]);
  });

  it.each([
    [
      'someone not enrolled',
      (ids: string[]) => [
        { beneficiaryId: ids[0], status: 'present' },
        { beneficiaryId: '0193a3c4-5f1e-7d2a-9b8c-1234567890ab', status: 'present' },
      ],
      'entries[1].beneficiaryId',
    ],
    [
      'a line twice',
      (ids: string[]) => [
        { beneficiaryId: ids[0], status: 'present' },
        { beneficiaryId: ids[0], status: 'absent' },
      ],
      'entries[1].beneficiaryId',
    ],
    [
      'an unknown status',
      (ids: string[]) => [{ beneficiaryId: ids[0], status: 'late' }],
      'entries.0.status',
    ],
  ])('answers 400 for %s and keeps the sheet as it was', async (_what, entries, field) => {
    const { ids, sessionId } = await runningCourseWith(1);
    await sheet(sut, sessionId, [{ beneficiaryId: ids[0], status: 'absent' }]).expect(200);

    const response = await sheet(sut, sessionId, entries(ids)).expect(400);

    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    const read = await sut.http
      .get(`/api/v1/sessions/${sessionId}/attendance`)
      .set('authorization', caseWorker);
    expect(read.body.entries).toEqual([expect.objectContaining({ status: 'absent' })]);
    expect(await recorded(sessionId)).toHaveLength(1);
  });

  it('refuses another institution’s trainer and any change once the course completed', async () => {
    const { course, ids, sessionId } = await runningCourseWith(1);
    const entries = [{ beneficiaryId: ids[0], status: 'present' }];

    await sheet(sut, sessionId, entries, otherTrainer).expect(404);
    await transition(sut, course.id, 'complete');
    const closed = await sheet(sut, sessionId, entries).expect(409);

    expect(closed.body.code).toBe('ATTENDANCE_COURSE_CLOSED');
    expect(await recorded(sessionId)).toHaveLength(0);
  });
});
