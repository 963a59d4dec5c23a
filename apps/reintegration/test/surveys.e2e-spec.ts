import { surveyScoredV1 } from '@mrm/contracts';
import type { TestService } from '@mrm/testing';
import {
  awaitEvents,
  coordinator,
  officer,
  rosterPeople,
  sql,
  startReintegration,
} from './support/reintegration-test';

const weightsFile = (version: 1 | 2) => ({
  REINTEGRATION_SURVEY_WEIGHTS_FILE: `apps/reintegration/test/fixtures/rss-weights-v${version}.json`,
});

// The hand-checked example of src/surveys/rss-scoring.spec.ts, over HTTP, the database and the bus.
describe('sustainability surveys (e2e)', () => {
  let sut: TestService;
  let upgraded: TestService | undefined;

  const answers = {
    'economic-satisfaction': 'mid',
    employment: 'yes',
    'access-to-credit': 'no',
    'housing-access': 'high',
    'documents-access': 'no',
    'support-network': 'yes',
    'sense-of-belonging': 'mid',
  };
  const record = (body: Record<string, unknown>, service = sut) =>
    service.http.post('/api/v1/surveys').set('Authorization', officer).send(body);
  const responseCount = async () =>
    (await sql<{ n: number }>(sut, 'SELECT count(*)::int AS n FROM survey_response'))[0].n;

  beforeAll(async () => {
    sut = await startReintegration({ env: weightsFile(1) });
  });

  afterAll(async () => {
    await upgraded?.stop();
    await sut?.stop();
  });

  it('scores under weights v1, then keeps those scores when v2 is loaded and rescored', async () => {
    const [beneficiaryId] = await rosterPeople(sut, 1);

    const created = await record({
      beneficiaryId,
      wave: 'baseline',
      answeredOn: '2027-04-10',
      answers,
    }).expect(201);

    const v1 = {
      weightsVersion: 'test-v1',
      economic: '0.5500',
      social: '0.6000',
      psychosocial: '0.7500',
      composite: '0.6125',
      answeredItems: 7,
    };
    expect(created.body.scores).toEqual([{ ...v1, computedAt: expect.any(String) }]);
    upgraded = await startReintegration({ env: weightsFile(2), shareWith: sut });
    const rescored = await upgraded.http
      .post('/api/v1/surveys/rescore')
      .set('Authorization', coordinator)
      .expect(200);
    expect(rescored.body).toEqual({ weightsVersion: 'test-v2', rescored: 1 });
    const again = await upgraded.http
      .post('/api/v1/surveys/rescore')
      .set('Authorization', coordinator)
      .expect(200);
    expect(again.body.rescored).toBe(0);
    const read = await sut.http
      .get(`/api/v1/surveys/${created.body.id}`)
      .set('Authorization', officer)
      .expect(200);
    expect(read.body.scores).toEqual([
      { ...v1, computedAt: expect.any(String) },
      {
        weightsVersion: 'test-v2',
        economic: '0.5000',
        social: '0.6000',
        psychosocial: '0.7500',
        composite: '0.6050',
        answeredItems: 7,
        computedAt: expect.any(String),
      },
    ]);
    const events = await awaitEvents(sut, {
      type: surveyScoredV1.type,
      subject: beneficiaryId,
      count: 2,
    });
    expect(events.map((event) => event.data)).toEqual([
      expect.objectContaining({ weightsVersion: 'test-v1', composite: '0.6125' }),
      expect.objectContaining({ weightsVersion: 'test-v2', composite: '0.6050' }),
    ]);
    expect(JSON.stringify(events)).not.toContain('sense-of-belonging');
  });

  it('withholds the psychosocial and composite scores when too few items were answered', async () => {
    const [beneficiaryId] = await rosterPeople(sut, 1);
    const { 'sense-of-belonging': _skipped, ...fewer } = answers;

    const created = await record({
      beneficiaryId,
      wave: 'baseline',
      answeredOn: '2027-04-10',
      answers: fewer,
    }).expect(201);

    expect(created.body.scores[0]).toMatchObject({ psychosocial: null, composite: null });
    const [event] = await awaitEvents(sut, {
      type: surveyScoredV1.type,
      subject: beneficiaryId,
      count: 1,
    });
    expect(event.data).not.toHaveProperty('composite');
    expect(event.data).toMatchObject({ economic: '0.5500', answeredItems: 6 });
  });

  it.each([
    ['an answer outside its scale', { answers: { employment: 'maybe' } }, 422],
    ['an item the weights do not know', { answers: { 'favourite-colour': 'yes' } }, 422],
    ['an unknown wave', { wave: 'midline' }, 400],
    ['answers that are not an object', { answers: ['yes'] }, 400],
  ])('answers %s with problem+json and stores nothing', async (_what, overrides, status) => {
    const [beneficiaryId] = await rosterPeople(sut, 1);
    const before = await responseCount();

    const response = await record({
      beneficiaryId,
      wave: 'endline',
      answeredOn: '2027-04-10',
      answers,
      ...overrides,
    }).expect(status);

    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await responseCount()).toBe(before);
  });

  it('answers 409 for a second response to the same wave', async () => {
    const [beneficiaryId] = await rosterPeople(sut, 1);
    const body = { beneficiaryId, wave: 'endline', answeredOn: '2027-04-10', answers };
    await record(body).expect(201);

    const second = await record(body).expect(409);

    expect(second.body.code).toBe('SURVEY_WAVE_ALREADY_RECORDED');
  });
});
