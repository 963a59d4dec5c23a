import type { TestService } from '@mrm/testing';
import {
  analyst,
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

describe('a whole training cycle (e2e)', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await startTraining();
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('runs course → sessions → enrolments with a waiting list → attendance → completion → satisfaction', async () => {
    const course = await courseIn(sut, 'open', { capacity: 3, minAttendancePercent: 75 });
    const [ana, badr, chama, driss] = await registered(sut, 4);
    const enrolments = [];
    for (const id of [ana, badr, chama, driss]) {
      enrolments.push((await enrol(sut, course.id, id).expect(201)).body);
    }
    expect(enrolments.map((e: { status: string }) => e.status)).toEqual([
      'enrolled',
      'enrolled',
      'enrolled',
      'waiting',
    ]);
    await sut.http
      .post(`/api/v1/courses/${course.id}/enrolments/${enrolments[2].id}/withdraw`)
      .set('authorization', trainer)
      .send({ reason: 'moved to another region' })
      .expect(200);
    await transition(sut, course.id, 'start');
    const sessions = [];
    for (const day of ['2026-04-06', '2026-04-07', '2026-04-08', '2026-04-09']) {
      sessions.push(await sessionOn(sut, course.id, day));
    }
    // Ana comes to all four sessions, Badr to two, Driss (promoted) to three.
    const presence: Record<string, string[]> = {
      [ana]: ['present', 'present', 'present', 'present'],
      [badr]: ['present', 'absent', 'excused', 'present'],
      [driss]: ['absent', 'present', 'present', 'present'],
    };
    for (const [index, sessionId] of sessions.entries()) {
      const entries = Object.entries(presence).map(([beneficiaryId, days]) => ({
        beneficiaryId,
        status: days[index],
      }));
      await sheet(sut, sessionId, entries).expect(200);
    }

    await transition(sut, course.id, 'complete');

    const outcomes = (
      await sut.http.get(`/api/v1/courses/${course.id}/enrolments`).set('authorization', trainer)
    ).body.items.map((e: Record<string, unknown>) => [
      e.beneficiaryId,
      e.status,
      e.outcome,
      e.outcomeReason,
      e.hoursAttended,
    ]);
    expect(outcomes).toEqual([
      [ana, 'enrolled', 'completed', null, '10.00'],
      [badr, 'enrolled', 'not-completed', 'attendance-below-minimum', '5.00'],
      [driss, 'enrolled', 'completed', null, '7.50'],
      [chama, 'withdrawn', null, null, null],
    ]);
    const completed = (await outboxOf(sut, 'enrolment.completed.v1')).filter(
      (row) => row.payload.courseId === course.id,
    );
    expect(completed.map((row) => [row.payload.beneficiaryId, row.payload.outcome])).toEqual([
      [ana, 'completed'],
      [badr, 'not-completed'],
      [driss, 'completed'],
    ]);
    const courseCompleted = (await outboxOf(sut, 'course.completed.v1')).filter(
      (row) => row.payload.courseId === course.id,
    );
    expect(courseCompleted.map((row) => row.payload)).toEqual([
      expect.objectContaining({ sessionsHeld: 4, enrolled: 3, completed: 2 }),
    ]);

    const survey = (enrolmentId: string, body: object) =>
      sut.http
        .post(`/api/v1/courses/${course.id}/enrolments/${enrolmentId}/satisfaction`)
        .set('authorization', trainer)
        .send(body);
    await survey(enrolments[0].id, { overall: 5, usefulness: 4, wouldRecommend: true }).expect(201);
    const anonymous = await survey(enrolments[1].id, {
      overall: 3,
      usefulness: 3,
      wouldRecommend: false,
      comment: 'Trop court',
      anonymous: true,
    }).expect(201);
    await survey(enrolments[1].id, { overall: 5, usefulness: 5, wouldRecommend: true }).expect(409);
    await survey(enrolments[2].id, { overall: 5, usefulness: 5, wouldRecommend: true }).expect(409);

    expect(anonymous.body.anonymous).toBe(true);
    const summary = await sut.http
      .get(`/api/v1/courses/${course.id}/satisfaction`)
      .set('authorization', analyst)
      .expect(200);
    expect(summary.body).toEqual({
      courseId: course.id,
      responses: 2,
      satisfied: 1,
      satisfactionRatePercent: '50.00',
      wouldRecommend: 1,
    });
    const answers = (await outboxOf(sut, 'satisfaction.recorded.v1')).filter(
      (row) => row.payload.courseId === course.id,
    );
    expect(answers.map((row) => row.payload.beneficiaryId)).toEqual([ana, undefined]);
    expect(JSON.stringify(answers)).not.toContain('Trop court');
  });

  it('answers 400 for a survey score out of range, recording nothing', async () => {
    const course = await courseIn(sut, 'running', { capacity: 1 });
    const [id] = await registered(sut, 1);
    const enrolment = (await enrol(sut, course.id, id).expect(201)).body;
    await transition(sut, course.id, 'complete');

    const response = await sut.http
      .post(`/api/v1/courses/${course.id}/enrolments/${enrolment.id}/satisfaction`)
      .set('authorization', trainer)
      .send({ overall: 6, usefulness: 0, wouldRecommend: 'yes' })
      .expect(400);

    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'overall',
      'usefulness',
      'wouldRecommend',
    ]);
    const summary = await sut.http
      .get(`/api/v1/courses/${course.id}/satisfaction`)
      .set('authorization', trainer);
    expect(summary.body.responses).toBe(0);
  });
});
