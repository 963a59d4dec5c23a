import { enrolmentCompletedV1, uuidv7, type EnrolmentCompletedV1 } from '@mrm/contracts';
import { bearer, TestService, waitFor } from '@mrm/testing';
import { DataSource } from 'typeorm';
import { ReintegrationConfig } from '../../apps/reintegration/src/reintegration.config';
import { ReintegrationModule } from '../../apps/reintegration/src/reintegration.module';
import { REINTEGRATION_OPENAPI } from '../../apps/reintegration/src/reintegration.openapi';
import {
  courseIn,
  enrol,
  registered,
  sessionOn,
  sheet,
  startTraining,
  transition,
} from '../../apps/training/test/support/training-api';

// Training and reintegration on one bus: an entrepreneurship course completed in training shows
// on the person's reintegration plan, once, whatever is redelivered.
describe('training completion on the reintegration plan', () => {
  let training: TestService;
  let reintegration: TestService;
  const officer = bearer('IOM', ['project-officer'], 'po-iom');
  const stranger = bearer('COOPI', ['project-officer'], 'po-coopi');

  beforeAll(async () => {
    training = await startTraining();
    reintegration = await TestService.start({
      service: 'reintegration',
      configClass: ReintegrationConfig,
      rootModule: (config) => ReintegrationModule.forRoot(config),
      openApi: REINTEGRATION_OPENAPI,
      busOf: training,
    });
  });

  afterAll(async () => {
    await reintegration?.stop();
    await training?.stop();
  });

  const completions = (beneficiaryId: string) =>
    reintegration.app
      .get(DataSource)
      .query('SELECT * FROM training_completion WHERE beneficiary_id = $1', [beneficiaryId]);
  const inReintegrationRoster = (ids: string[]) =>
    waitFor(
      async () =>
        (
          await reintegration.app
            .get(DataSource)
            .query('SELECT 1 FROM roster_beneficiary WHERE beneficiary_id = ANY($1)', [ids])
        ).length === ids.length,
      { what: 'the reintegration roster' },
    );
  const planOf = (beneficiaryId: string) =>
    reintegration.http
      .post('/api/v1/plans')
      .set('Authorization', officer)
      .send({
        beneficiaryId,
        referenceDate: '2026-05-01',
        assessment: {
          economicNeeds: ['business-start'],
          socialNeeds: [],
          psychosocialNeeds: [],
          skills: ['sewing'],
          vulnerabilities: [],
        },
        objectives: ['Open a sewing workshop'],
        assistance: [{ item: 'individual-grant', amount: '15000.00' }],
      })
      .expect(201);

  it('shows a completed entrepreneurship training on the plan, once, and not a failed one', async () => {
    const [done, failed] = await registered(training, 2);
    await inReintegrationRoster([done, failed]);
    const course = await courseIn(training, 'running', {
      kind: 'entrepreneurship-marketing',
      capacity: 2,
    });
    await enrol(training, course.id, done).expect(201);
    await enrol(training, course.id, failed).expect(201);
    const session = await sessionOn(training, course.id, '2026-04-06', ['09:00', '13:00']);
    await sheet(training, session, [
      { beneficiaryId: done, status: 'present' },
      { beneficiaryId: failed, status: 'absent' },
    ]).expect(200);
    const plan = await planOf(done);
    expect(plan.body.completedTrainings).toEqual([]);

    await transition(training, course.id, 'complete');
    await waitFor(async () => (await completions(done)).length === 1, {
      what: 'the completion in reintegration',
    });
    const shown = await reintegration.http
      .get(`/api/v1/plans/${plan.body.id}`)
      .set('Authorization', officer)
      .expect(200);

    expect(shown.body.completedTrainings).toEqual([
      expect.objectContaining({
        courseId: course.id,
        courseKind: 'entrepreneurship-marketing',
        programmeCode: 'FORAS',
        organisingOrg: 'IOM',
        hoursAttended: '4.00',
      }),
    ]);
    expect(await completions(failed)).toEqual([]);
    const listed = await reintegration.http
      .get(`/api/v1/plans?beneficiaryId=${done}`)
      .set('Authorization', officer)
      .expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([plan.body.id]);
    expect(listed.body.items[0].completedTrainings).toHaveLength(1);
    const elsewhere = await reintegration.http
      .get(`/api/v1/plans?beneficiaryId=${done}`)
      .set('Authorization', stranger)
      .expect(200);
    expect(elsewhere.body.items).toEqual([]);

    // The same completion again under another event id (a replay, a producer retry): one row.
    const [row] = await completions(done);
    const again = enrolmentCompletedV1.build(
      {
        courseId: course.id,
        courseKind: 'entrepreneurship-marketing',
        programmeCode: 'FORAS',
        organisingOrg: 'IOM',
        regionCode: '05',
        enrolmentId: row.enrolment_id,
        beneficiaryId: done,
        category: 'returning-moroccan',
        sex: 'female',
        birthYear: 1990,
        outcome: 'completed',
        hoursAttended: '4.00',
        sessionsAttended: 1,
        sessionsHeld: 1,
      } satisfies EnrolmentCompletedV1,
      { subject: row.enrolment_id, correlationId: uuidv7() },
    );
    await reintegration.publish(again);
    await waitFor(
      async () =>
        (
          await reintegration.app
            .get(DataSource)
            .query('SELECT 1 FROM inbox_message WHERE message_id = $1', [again.id])
        ).length === 1,
      { what: 'the replay to be handled' },
    );
    expect(await completions(done)).toHaveLength(1);
  }, 120_000);
});
