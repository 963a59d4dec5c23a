import { bearer, type TestService } from '@mrm/testing';
import { aPartnerWithService, coordinator, footprint, sql } from './support/directory.factory';
import {
  aConsent,
  aKnownBeneficiary,
  aReferralBody,
  eventsOf,
  officerOf,
  referrer,
  startReferrals,
} from './support/referral.factory';

describe('referrals (e2e)', () => {
  let sut: TestService;
  const tables = [
    'referral',
    'referral_transition',
    'consent_override',
    'outbox_message',
    'scheduled_timer',
  ];

  beforeAll(async () => {
    sut = await startReferrals();
  });

  afterAll(async () => {
    await sut?.stop();
  });

  const create = (body: object, token = referrer) =>
    sut.http.post('/api/v1/referrals').set('Authorization', token).send(body);
  const act = (id: string, action: string, token: string, version: number, body: object = {}) =>
    sut.http
      .post(`/api/v1/referrals/${id}/${action}`)
      .set('Authorization', token)
      .set('If-Match', `"${version}"`)
      .send(body);

  /** A beneficiary, a partner service and a consent for that partner. */
  const aReferrable = async () => {
    const beneficiaryId = await aKnownBeneficiary(sut);
    const partner = await aPartnerWithService(sut);
    const consentId = await aConsent(sut, { beneficiaryId, recipients: [partner.code] });
    return { beneficiaryId, ...partner, consentId, receiver: officerOf(partner.code) };
  };

  it('refuses a referral without consent for that recipient with 422 CONSENT_REQUIRED, writing nothing', async () => {
    const beneficiaryId = await aKnownBeneficiary(sut);
    const { serviceId } = await aPartnerWithService(sut);
    await aConsent(sut, { beneficiaryId, recipients: ['SOMEONE-ELSE'] });
    const before = await footprint(sut, tables);

    const response = await create(aReferralBody(beneficiaryId, serviceId)).expect(422);

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('CONSENT_REQUIRED');
    expect(await footprint(sut, tables)).toEqual(before);
  });

  it('refuses a referral sharing data categories the consent does not cover', async () => {
    const { beneficiaryId, serviceId } = await aReferrable();

    const response = await create(
      aReferralBody(beneficiaryId, serviceId, { dataCategories: ['identity', 'health'] }),
    ).expect(422);

    expect(response.body.code).toBe('CONSENT_REQUIRED');
  });

  it('sends a referral with consent: 201, deadlines, ETag and referral.requested on the outbox', async () => {
    const { beneficiaryId, serviceId, code, consentId } = await aReferrable();

    const response = await create(aReferralBody(beneficiaryId, serviceId)).expect(201);

    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/api/v1/referrals/${response.body.id}`);
    expect(response.body).toMatchObject({
      status: 'requested',
      referringOrg: 'IOM',
      receivingOrg: code,
      serviceType: 'employment',
      consentId,
      consentOverridden: false,
    });
    const requestedAt = Date.parse(response.body.requestedAt);
    expect(Date.parse(response.body.answerDueAt) - requestedAt).toBe(336 * 3_600_000);
    expect(Date.parse(response.body.acknowledgementDueAt) - requestedAt).toBe(72 * 3_600_000);
    const events = await eventsOf(sut, response.body.id);
    expect(events).toEqual([
      {
        type: 'referral.requested.v1',
        data: expect.objectContaining({
          referralId: response.body.id,
          beneficiaryId,
          receivingOrg: code,
          consentId,
          dataCategories: ['identity', 'contact'],
          outcomeReported: false,
        }),
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('carpentry');
  });

  it('takes a referral through to completed, each step with its actor, note and event', async () => {
    const { beneficiaryId, serviceId, receiver } = await aReferrable();
    const { body } = await create(aReferralBody(beneficiaryId, serviceId)).expect(201);

    await act(body.id, 'acknowledge', receiver, 1, { note: 'Seen' }).expect(200);
    await act(body.id, 'accept', receiver, 2).expect(200);
    await act(body.id, 'start', receiver, 3).expect(200);
    const done = await act(body.id, 'complete', receiver, 4, { outcome: 'service-provided' });

    expect(done.status).toBe(200);
    expect(done.headers.etag).toBe('"5"');
    expect(done.body).toMatchObject({ status: 'completed', outcome: 'service-provided' });
    expect(done.body.measures).toMatchObject({
      acknowledgedWithinDeadline: true,
      answeredWithinDeadline: true,
      outcomeReported: true,
    });
    const events = await eventsOf(sut, body.id);
    expect(events.map((event) => event.type)).toEqual([
      'referral.requested.v1',
      'referral.received.v1',
      'referral.accepted.v1',
      'referral.started.v1',
      'referral.completed.v1',
    ]);
    expect(events[4].data).toMatchObject({
      status: 'completed',
      outcome: 'service-provided',
      outcomeReported: true,
      secondsToAcknowledge: expect.any(Number),
      secondsToAnswer: expect.any(Number),
      answeredWithinDeadline: true,
      version: 5,
    });
    const history = await sut.http
      .get(`/api/v1/referrals/${body.id}/history`)
      .set('Authorization', referrer)
      .expect(200);
    expect(history.body.map((step: { action: string }) => step.action)).toEqual([
      'create',
      'acknowledge',
      'accept',
      'start',
      'complete',
    ]);
    expect(history.body[1]).toMatchObject({
      toStatus: 'received',
      note: 'Seen',
      actor: expect.any(String),
    });
    expect(
      await sql(sut, 'SELECT 1 FROM scheduled_timer WHERE key = $1 AND fired_at IS NULL', [
        body.id,
      ]),
    ).toEqual([]);
  });

  it('records a rejection with its reason', async () => {
    const { beneficiaryId, serviceId, receiver } = await aReferrable();
    const { body } = await create(aReferralBody(beneficiaryId, serviceId)).expect(201);
    await act(body.id, 'acknowledge', receiver, 1).expect(200);

    const rejected = await act(body.id, 'reject', receiver, 2, { reason: 'no-capacity' }).expect(
      200,
    );

    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'no-capacity' });
    const events = await eventsOf(sut, body.id);
    expect(events.at(-1)).toMatchObject({
      type: 'referral.rejected.v1',
      data: { rejectionReason: 'no-capacity', status: 'rejected' },
    });
  });

  it('redirects to another service through a linked referral, under a consent for the new receiver', async () => {
    const { beneficiaryId, serviceId, receiver } = await aReferrable();
    const other = await aPartnerWithService(sut, { type: 'legal-aid' });
    await aConsent(sut, { beneficiaryId, recipients: [other.code] });
    const { body } = await create(aReferralBody(beneficiaryId, serviceId)).expect(201);
    await act(body.id, 'acknowledge', receiver, 1).expect(200);

    const redirected = await act(body.id, 'redirect', receiver, 2, {
      serviceId: other.serviceId,
    }).expect(200);

    expect(redirected.body).toMatchObject({ status: 'rejected', businessStatus: 'redirected' });
    const linked = await sut.http
      .get(`/api/v1/referrals/${redirected.body.redirectedToId}`)
      .set('Authorization', referrer)
      .expect(200);
    expect(linked.body).toMatchObject({
      status: 'requested',
      receivingOrg: other.code,
      serviceType: 'legal-aid',
      referringOrg: 'IOM',
      redirectedFromId: body.id,
    });
    expect((await eventsOf(sut, body.id)).at(-1)).toMatchObject({
      type: 'referral.redirected.v1',
      data: { newReferralId: linked.body.id, newReceivingOrg: other.code },
    });
    expect(await eventsOf(sut, linked.body.id)).toEqual([
      expect.objectContaining({
        type: 'referral.requested.v1',
        data: expect.objectContaining({ redirectedFromReferralId: body.id }),
      }),
    ]);
  });

  it('answers illegal transitions, the wrong end, stale and missing If-Match with 4xx, changing nothing', async () => {
    const { beneficiaryId, serviceId, receiver } = await aReferrable();
    const { body } = await create(aReferralBody(beneficiaryId, serviceId)).expect(201);
    const before = await footprint(sut, tables);

    const early = await act(body.id, 'accept', receiver, 1).expect(409);
    const wrongEnd = await act(body.id, 'acknowledge', referrer, 1).expect(403);
    await act(body.id, 'acknowledge', receiver, 9).expect(412);
    await sut.http
      .post(`/api/v1/referrals/${body.id}/acknowledge`)
      .set('Authorization', receiver)
      .send({})
      .expect(428);
    const badReason = await act(body.id, 'reject', receiver, 1, { reason: 'lazy' }).expect(400);
    await act(body.id, 'acknowledge', officerOf('STRANGER'), 1).expect(404);

    expect(early.body.code).toBe('REFERRAL_TRANSITION_NOT_ALLOWED');
    expect(wrongEnd.body.code).toBe('REFERRAL_ACTION_FORBIDDEN');
    expect(badReason.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await footprint(sut, tables)).toEqual(before);
  });

  it('lets only one of two officers acknowledge the same version', async () => {
    const { beneficiaryId, serviceId, code } = await aReferrable();
    const { body } = await create(aReferralBody(beneficiaryId, serviceId)).expect(201);

    const answers = await Promise.all([
      act(body.id, 'acknowledge', officerOf(code, 'first'), 1),
      act(body.id, 'acknowledge', officerOf(code, 'second'), 1),
    ]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412]);
  });

  it('shows each institution its side, nobody else, and coordinators everything', async () => {
    const strangerAuditor = bearer('STRANGER', ['referral-officer', 'auditor'], 'ro-auditor');
    const { beneficiaryId, serviceId, code, receiver } = await aReferrable();
    const { body } = await create(aReferralBody(beneficiaryId, serviceId)).expect(201);
    const ids = async (token: string, query: Record<string, string> = {}) =>
      (
        await sut.http
          .get('/api/v1/referrals')
          .query({ limit: '100', ...query })
          .set('Authorization', token)
          .expect(200)
      ).body.items.map((item: { id: string }) => item.id);

    expect(await ids(referrer, { direction: 'outgoing' })).toContain(body.id);
    expect(await ids(referrer, { direction: 'incoming' })).not.toContain(body.id);
    expect(await ids(receiver, { direction: 'incoming' })).toContain(body.id);
    expect(await ids(receiver, { direction: 'outgoing' })).not.toContain(body.id);
    expect(await ids(officerOf('STRANGER'))).toEqual([]);
    // The auditor role oversees the audit trail; beside another role it widens no scope.
    expect(await ids(strangerAuditor)).toEqual([]);
    expect(await ids(coordinator, { partner: code })).toEqual([body.id]);
    for (const stranger of [officerOf('STRANGER'), strangerAuditor]) {
      await sut.http.get(`/api/v1/referrals/${body.id}`).set('Authorization', stranger).expect(404);
    }
    await sut.http
      .get(`/api/v1/referrals/${body.id}`)
      .set('Authorization', bearer('IOM', ['case-worker']))
      .expect(403);
  });

  it('lets a coordinator override a missing consent with a reason and an audit entry, nobody else', async () => {
    const beneficiaryId = await aKnownBeneficiary(sut);
    const { serviceId } = await aPartnerWithService(sut);
    const override = {
      consentOverride: { reason: 'Emergency shelter needed tonight, consent to follow' },
    };

    const refused = await create(aReferralBody(beneficiaryId, serviceId, override)).expect(403);
    const allowed = await create(
      aReferralBody(beneficiaryId, serviceId, override),
      coordinator,
    ).expect(201);

    expect(refused.body.code).toBe('CONSENT_OVERRIDE_FORBIDDEN');
    expect(allowed.body).toMatchObject({ consentId: null, consentOverridden: true });
    const audit = await sql(
      sut,
      'SELECT actor_sub, reason FROM consent_override WHERE referral_id = $1',
      [allowed.body.id],
    );
    expect(audit).toEqual([{ actor_sub: 'coord-1', reason: override.consentOverride.reason }]);
  });

  it('answers 400 to a consent override sent as an array, on create and on submit, writing nothing', async () => {
    const beneficiaryId = await aKnownBeneficiary(sut);
    const { serviceId } = await aPartnerWithService(sut);
    const draft = await create(aReferralBody(beneficiaryId, serviceId, { draft: true })).expect(
      201,
    );
    const consentOverride = [{ reason: 'Emergency shelter needed tonight, consent to follow' }];
    const before = await footprint(sut, tables);

    const created = await create(
      aReferralBody(beneficiaryId, serviceId, { consentOverride }),
      coordinator,
    ).expect(400);
    const submitted = await act(draft.body.id, 'submit', coordinator, 1, {
      consentOverride,
    }).expect(400);

    for (const response of [created, submitted]) {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toContainEqual({
        field: 'consentOverride',
        message: 'consentOverride must be an object',
      });
    }
    expect(await footprint(sut, tables)).toEqual(before);
  });

  it('creates once under one Idempotency-Key', async () => {
    const { beneficiaryId, serviceId } = await aReferrable();
    const send = () =>
      sut.http
        .post('/api/v1/referrals')
        .set('Authorization', referrer)
        .set('Idempotency-Key', `key-${beneficiaryId}`)
        .send(aReferralBody(beneficiaryId, serviceId));

    const first = await send().expect(201);
    const second = await send().expect(201);

    expect(second.body.id).toBe(first.body.id);
    const rows = await sql(sut, 'SELECT id FROM referral WHERE beneficiary_id = $1', [
      beneficiaryId,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('keeps a draft from the receiver until it is submitted', async () => {
    const { beneficiaryId, serviceId, receiver } = await aReferrable();
    const { body } = await create(aReferralBody(beneficiaryId, serviceId, { draft: true })).expect(
      201,
    );
    await sut.http.get(`/api/v1/referrals/${body.id}`).set('Authorization', receiver).expect(404);

    const submitted = await act(body.id, 'submit', referrer, 1).expect(200);

    expect(submitted.body.status).toBe('requested');
    expect((await eventsOf(sut, body.id)).map((event) => event.type)).toEqual([
      'referral.requested.v1',
    ]);
  });

  it('records a local step (business status) from either end of an open referral only', async () => {
    const { beneficiaryId, serviceId, receiver } = await aReferrable();
    const { body } = await create(aReferralBody(beneficiaryId, serviceId)).expect(201);

    const stepped = await act(body.id, 'business-status', receiver, 1, {
      businessStatus: 'appointment-booked',
      note: 'Monday 10:00',
    }).expect(200);
    await act(body.id, 'business-status', receiver, 2, { businessStatus: 'Not A Code' }).expect(
      400,
    );
    await act(body.id, 'cancel', referrer, 2).expect(200);
    const late = await act(body.id, 'business-status', referrer, 3, {
      businessStatus: 'closed-locally',
    }).expect(409);

    expect(stepped.body).toMatchObject({
      status: 'requested',
      businessStatus: 'appointment-booked',
    });
    expect(late.body.code).toBe('REFERRAL_TRANSITION_NOT_ALLOWED');
    expect((await eventsOf(sut, body.id)).map((event) => event.type)).toEqual([
      'referral.requested.v1',
      'referral.business-status-changed.v1',
      'referral.cancelled.v1',
    ]);
  });

  it('filters the list by status, priority, service type and period', async () => {
    const { beneficiaryId, serviceId, code, receiver } = await aReferrable();
    const urgent = (
      await create(aReferralBody(beneficiaryId, serviceId, { priority: 'urgent' })).expect(201)
    ).body;
    const normal = (await create(aReferralBody(beneficiaryId, serviceId)).expect(201)).body;
    await act(normal.id, 'acknowledge', receiver, 1).expect(200);
    const ids = async (query: Record<string, string>) =>
      (
        await sut.http
          .get('/api/v1/referrals')
          .query({ partner: code, ...query })
          .set('Authorization', referrer)
          .expect(200)
      ).body.items.map((item: { id: string }) => item.id);

    expect(await ids({ priority: 'urgent' })).toEqual([urgent.id]);
    expect(await ids({ status: 'received' })).toEqual([normal.id]);
    expect(await ids({ serviceType: 'employment' })).toEqual([normal.id, urgent.id]);
    expect(await ids({ serviceType: 'health' })).toEqual([]);
    expect(await ids({ from: urgent.createdAt, to: normal.createdAt })).toEqual([urgent.id]);
    await sut.http
      .get('/api/v1/referrals')
      .query({ direction: 'sideways' })
      .set('Authorization', referrer)
      .expect(400);
  });
});
