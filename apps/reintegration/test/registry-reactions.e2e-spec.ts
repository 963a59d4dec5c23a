import {
  beneficiaryErasedV1,
  beneficiaryMergedV1,
  enrolmentCompletedV1,
  uuidv7,
  type EventEnvelope,
} from '@mrm/contracts';
import { waitFor, type TestService } from '@mrm/testing';
import { aCooperative } from './support/project-fixtures';
import { officer, rosterPeople, sql, startReintegration } from './support/reintegration-test';

// The same fact published twice under two event ids: the reactions must not mind.
async function publishTwice<T>(sut: TestService, envelope: EventEnvelope<T>): Promise<void> {
  await sut.publish(envelope);
  await sut.publish({ ...envelope, id: uuidv7() });
}

describe('reactions to registration merges and erasures (e2e)', () => {
  let sut: TestService;

  const answers = { employment: 'yes', 'economic-satisfaction': 'satisfied' };
  const survey = (beneficiaryId: string, wave: string) =>
    sut.http
      .post('/api/v1/surveys')
      .set('Authorization', officer)
      .send({ beneficiaryId, wave, answeredOn: '2027-04-10', answers })
      .expect(201);
  const plan = async (beneficiaryId: string) =>
    (
      await sut.http
        .post('/api/v1/plans')
        .set('Authorization', officer)
        .send({
          beneficiaryId,
          referenceDate: '2027-01-10',
          assessment: {
            economicNeeds: ['income'],
            socialNeeds: [],
            psychosocialNeeds: ['counselling'],
            skills: ['sewing'],
            vulnerabilities: ['survivor-of-violence'],
          },
          objectives: ['Open a sewing workshop'],
          assistance: [{ item: 'psychosocial-support' }],
        })
        .expect(201)
    ).body;

  // Training's completion of an entrepreneurship course, once it is in the read model.
  const completedTraining = async (beneficiaryId: string) => {
    const enrolmentId = uuidv7();
    await sut.publish(
      enrolmentCompletedV1.build(
        {
          courseId: uuidv7(),
          courseKind: 'entrepreneurship-marketing',
          programmeCode: 'FORAS',
          organisingOrg: 'IOM',
          regionCode: '05',
          enrolmentId,
          beneficiaryId,
          category: 'returning-moroccan',
          sex: 'male',
          birthYear: 1988,
          outcome: 'completed',
          hoursAttended: '30.00',
          sessionsAttended: 10,
          sessionsHeld: 10,
        },
        { subject: enrolmentId, correlationId: uuidv7() },
      ),
    );
    await waitFor(
      async () =>
        (await sql(sut, 'SELECT 1 FROM training_completion WHERE enrolment_id = $1', [enrolmentId]))
          .length === 1,
      { what: 'the training completion' },
    );
    return enrolmentId;
  };

  beforeAll(async () => {
    sut = await startReintegration();
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it("moves a merged duplicate's memberships, plans and surveys to the survivor, once", async () => {
    const [duplicate, survivor, ...others] = await rosterPeople(sut, 6);
    const shared = (
      await sut.http
        .post('/api/v1/projects')
        .set('Authorization', officer)
        .send(aCooperative([duplicate, survivor, ...others.slice(0, 3)]))
        .expect(201)
    ).body;
    const duplicatePlan = await plan(duplicate);
    const training = await completedTraining(duplicate);
    await survey(duplicate, 'baseline');
    await survey(survivor, 'baseline');
    const moved = (await survey(duplicate, 'endline')).body;

    await publishTwice(
      sut,
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
          await sql(sut, 'SELECT 1 FROM plan WHERE id = $1 AND beneficiary_id = $2', [
            duplicatePlan.id,
            survivor,
          ])
        ).length === 1,
      { what: 'the plan re-pointed' },
    );
    const members = await sql<{ beneficiary_id: string }>(
      sut,
      'SELECT beneficiary_id FROM project_member WHERE project_id = $1',
      [shared.id],
    );
    expect(members.map((row) => row.beneficiary_id).sort()).toEqual(
      [survivor, ...others.slice(0, 3)].sort(),
    );
    const responses = await sql<{ id: string; wave: string }>(
      sut,
      'SELECT id, wave FROM survey_response WHERE beneficiary_id = ANY($1) ORDER BY wave',
      [[duplicate, survivor]],
    );
    expect(responses).toEqual([
      { id: expect.any(String), wave: 'baseline' },
      { id: moved.id, wave: 'endline' },
    ]);
    const shown = await sut.http
      .get(`/api/v1/plans/${duplicatePlan.id}`)
      .set('Authorization', officer)
      .expect(200);
    expect(shown.body.completedTrainings).toEqual([
      expect.objectContaining({ enrolmentId: training, hoursAttended: '30.00' }),
    ]);
  });

  it("forgets an erased person's needs, objectives and answers but keeps scores and membership", async () => {
    const [erased, ...others] = await rosterPeople(sut, 5);
    const project = (
      await sut.http
        .post('/api/v1/projects')
        .set('Authorization', officer)
        .send(aCooperative([erased, ...others]))
        .expect(201)
    ).body;
    const erasedPlan = await plan(erased);
    const training = await completedTraining(erased);
    const response = (await survey(erased, 'baseline')).body;

    await publishTwice(
      sut,
      beneficiaryErasedV1.build(
        { beneficiaryId: erased, erasedAt: new Date().toISOString() },
        { subject: erased, correlationId: uuidv7() },
      ),
    );

    await waitFor(
      async () =>
        (
          await sql(sut, `SELECT 1 FROM survey_response WHERE id = $1 AND answers = '{}'`, [
            response.id,
          ])
        ).length === 1,
      { what: 'the answers erased' },
    );
    const [planRow] = await sql<{
      objectives: string[];
      assessment: { vulnerabilities: string[] };
    }>(sut, 'SELECT objectives, assessment FROM plan WHERE id = $1', [erasedPlan.id]);
    expect(planRow.objectives).toEqual([]);
    expect(planRow.assessment.vulnerabilities).toEqual([]);
    const history = await sql<{ objectives: string[] }>(
      sut,
      'SELECT objectives FROM plan_revision WHERE plan_id = $1',
      [erasedPlan.id],
    );
    expect(history).toEqual([{ objectives: [] }]);
    expect(
      await sql(sut, 'SELECT 1 FROM training_completion WHERE enrolment_id = $1', [training]),
    ).toEqual([]);
    const scores = await sql(sut, 'SELECT 1 FROM survey_score WHERE response_id = $1', [
      response.id,
    ]);
    expect(scores).toHaveLength(1);
    const members = await sql(sut, 'SELECT 1 FROM project_member WHERE project_id = $1', [
      project.id,
    ]);
    expect(members).toHaveLength(5);
    const refused = await sut.http
      .post('/api/v1/projects')
      .set('Authorization', officer)
      .send(aCooperative([erased, ...others]))
      .expect(422);
    expect(refused.body.code).toBe('ROSTER_BENEFICIARY_ERASED');
  });
});
