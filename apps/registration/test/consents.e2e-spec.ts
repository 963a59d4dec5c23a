import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  beneficiaryConsentGrantedV1,
  beneficiaryConsentWithdrawnV1,
  fromBinaryMessage,
  validatePayload,
  type EventEnvelope,
} from '@mrm/contracts';
import { BusNamespace } from '@mrm/messaging';
import { bearer, testNatsUrl, waitFor } from '@mrm/testing';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ConsentsService } from '../src/consents/consents.service';

import { RegistrationTestApp } from './support/registration-test-app';

describe('consents', () => {
  let sut: RegistrationTestApp;
  let stream: string;
  let app: NestExpressApplication;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const caseWorker = bearer('IOM', ['case-worker'], 'cw-iom-1');
  const otherCaseWorker = bearer('COOPI', ['case-worker'], 'cw-coopi-1');
  const coordinator = bearer('MINISTRY', ['coordinator'], 'coord-1');

  const letters = (n: number) =>
    Array.from(randomBytes(n), (byte) => String.fromCharCode(97 + (byte % 26))).join('');
  const person = () => ({
    firstName: `Amina ${letters(8)}`,
    lastName: `Ben ${letters(8)}`,
    category: 'foreign-avrr',
    sex: 'female',
    birthDate: '1990-05-01',
    nationality: 'SN',
    regionCode: '06',
    phone: `+2126${String(randomBytes(4).readUInt32BE() % 1e8).padStart(8, '1')}`,
    documents: [
      {
        type: 'PASSPORT',
        number: `A${letters(2).toUpperCase()}${Date.now()}`,
        issuingCountry: 'SN',
      },
    ],
  });
  const register = async (body = person(), token = caseWorker): Promise<string> =>
    (await http().post('/api/v1/beneficiaries').set('authorization', token).send(body).expect(201))
      .body.id;
  const consent = (overrides: Record<string, unknown> = {}) => ({
    purposes: ['registration', 'referral'],
    recipients: ['IOM', 'ANAPEC'],
    dataCategories: ['identity', 'contact', 'education-skills'],
    noticeVersion: '2025-03',
    expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
    ...overrides,
  });
  const http = () => request(app.getHttpServer());
  const grant = (beneficiaryId: string, body: object = consent(), token = caseWorker) =>
    http()
      .post(`/api/v1/beneficiaries/${beneficiaryId}/consents`)
      .set('authorization', token)
      .send(body);
  const withdraw = (beneficiaryId: string, consentId: string, token = caseWorker) =>
    http()
      .post(`/api/v1/beneficiaries/${beneficiaryId}/consents/${consentId}/withdrawal`)
      .set('authorization', token)
      .send({ reason: 'The beneficiary no longer wants to be referred' });
  const list = (beneficiaryId: string, query: Record<string, string> = {}, token = caseWorker) =>
    http()
      .get(`/api/v1/beneficiaries/${beneficiaryId}/consents`)
      .query(query)
      .set('authorization', token);

  // Every event of the namespaced stream about one beneficiary (ce-subject), oldest first.
  const eventsAbout = async (beneficiaryId: string): Promise<EventEnvelope[]> => {
    const { state } = await jsm.streams.info(stream);
    const events: EventEnvelope[] = [];
    for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq += 1) {
      const message = await jsm.streams.getMessage(stream, { seq });
      if (!message) continue;
      const envelope = fromBinaryMessage((name) => message.header.get(name), message.data);
      if (envelope.subject === beneficiaryId) events.push(envelope);
    }
    return events;
  };
  const consentTypes = new Set([
    beneficiaryConsentGrantedV1.type,
    beneficiaryConsentWithdrawnV1.type,
  ]);
  const consentEventsAbout = async (beneficiaryId: string, count: number) => {
    let events: EventEnvelope[] = [];
    await waitFor(
      async () => {
        events = (await eventsAbout(beneficiaryId)).filter((event) => consentTypes.has(event.type));
        return events.length >= count;
      },
      { what: `${count} consent event(s) about ${beneficiaryId}` },
    );
    return events;
  };

  beforeAll(async () => {
    sut = await RegistrationTestApp.start('consents');
    app = sut.app;
    stream = new BusNamespace(sut.namespace).stream('REGISTRATION');
    nc = await connect({ servers: testNatsUrl() });
    jsm = await jetstreamManager(nc);
    await waitFor(async () => !!(await jsm.streams.info(stream).catch(() => null)), {
      what: 'the stream',
    });
  });

  afterAll(async () => {
    await nc?.close();
    await sut?.stop();
  });

  it('grants a consent and publishes beneficiary.consent-granted.v1 without personal data', async () => {
    const body = person();
    const beneficiaryId = await register(body);
    const input = consent();

    const granted = await grant(beneficiaryId, input).expect(201);

    expect(granted.body).toEqual({
      id: expect.any(String),
      beneficiaryId,
      purposes: input.purposes,
      recipients: input.recipients,
      dataCategories: input.dataCategories,
      status: 'active',
      collectedBy: 'cw-iom-1',
      collectingOrg: 'IOM',
      collectedAt: expect.any(String),
      noticeVersion: '2025-03',
      expiresAt: input.expiresAt,
      withdrawnAt: null,
      withdrawnBy: null,
      withdrawalReason: null,
    });
    const [event] = await consentEventsAbout(beneficiaryId, 1);
    expect(event.type).toBe('beneficiary.consent-granted.v1');
    expect(validatePayload(beneficiaryConsentGrantedV1, event.data)).toMatchObject({ ok: true });
    expect(event.data).toEqual({
      consentId: granted.body.id,
      beneficiaryId,
      purposes: input.purposes,
      recipients: input.recipients,
      dataCategories: input.dataCategories,
      grantedAt: granted.body.collectedAt,
      expiresAt: input.expiresAt,
      noticeVersion: '2025-03',
    });
    const wire = JSON.stringify(event);
    for (const value of [body.firstName, body.lastName, body.phone, body.documents[0].number]) {
      expect(wire).not.toContain(value);
    }
  });

  it('withdraws a consent once, publishes beneficiary.consent-withdrawn.v1, and refuses twice', async () => {
    const beneficiaryId = await register();
    const granted = await grant(beneficiaryId).expect(201);

    const withdrawn = await withdraw(beneficiaryId, granted.body.id).expect(200);
    const again = await withdraw(beneficiaryId, granted.body.id).expect(409);

    expect(withdrawn.body).toMatchObject({
      id: granted.body.id,
      status: 'withdrawn',
      withdrawnBy: 'cw-iom-1',
      withdrawalReason: 'The beneficiary no longer wants to be referred',
      withdrawnAt: expect.any(String),
    });
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body.code).toBe('CONSENT_ALREADY_WITHDRAWN');
    const events = await consentEventsAbout(beneficiaryId, 2);
    expect(events.map((event) => event.type)).toEqual([
      'beneficiary.consent-granted.v1',
      'beneficiary.consent-withdrawn.v1',
    ]);
    expect(events[1].data).toEqual({
      consentId: granted.body.id,
      beneficiaryId,
      withdrawnAt: withdrawn.body.withdrawnAt,
    });
    expect(validatePayload(beneficiaryConsentWithdrawnV1, events[1].data)).toMatchObject({
      ok: true,
    });
  });

  it('publishes one withdrawal when two arrive together', async () => {
    const beneficiaryId = await register();
    const granted = await grant(beneficiaryId).expect(201);

    const statuses = (
      await Promise.all([
        withdraw(beneficiaryId, granted.body.id),
        withdraw(beneficiaryId, granted.body.id),
      ])
    ).map((response) => response.status);

    expect(statuses.sort()).toEqual([200, 409]);
    const events = await consentEventsAbout(beneficiaryId, 2);
    expect(
      events.filter((event) => event.type === 'beneficiary.consent-withdrawn.v1'),
    ).toHaveLength(1);
  });

  it('lists consents newest first with their computed status, filtered by status', async () => {
    const beneficiaryId = await register();
    const active = (await grant(beneficiaryId).expect(201)).body;
    const withdrawn = (await grant(beneficiaryId).expect(201)).body;
    await withdraw(beneficiaryId, withdrawn.id).expect(200);
    const lapsed = (await grant(beneficiaryId).expect(201)).body;
    // Time passes for this one: it was collected two days ago and lapsed yesterday.
    await app.get(DataSource).query(
      `UPDATE consent SET collected_at = now() - interval '2 days', expires_at = now() - interval '1 day'
        WHERE id = $1`,
      [lapsed.id],
    );

    const all = await list(beneficiaryId).expect(200);
    const onlyActive = await list(beneficiaryId, { status: 'active' }).expect(200);
    const firstPage = await list(beneficiaryId, { limit: '2' }).expect(200);
    const secondPage = await list(beneficiaryId, {
      limit: '2',
      cursor: firstPage.body.nextCursor,
    }).expect(200);

    const summary = (body: { items: Array<{ id: string; status: string }> }) =>
      body.items.map(({ id, status }) => [id, status]);
    expect(summary(all.body)).toEqual([
      [lapsed.id, 'expired'],
      [withdrawn.id, 'withdrawn'],
      [active.id, 'active'],
    ]);
    expect(summary(onlyActive.body)).toEqual([[active.id, 'active']]);
    expect([...summary(firstPage.body), ...summary(secondPage.body)]).toEqual(summary(all.body));
    expect(secondPage.body.nextCursor).toBeNull();
  });

  it('returns 400 listing every invalid field', async () => {
    const beneficiaryId = await register();

    const response = await grant(beneficiaryId, {
      purposes: ['registration', 'marketing'],
      recipients: ['iom', 'ANAPEC', 'ANAPEC'],
      dataCategories: [],
      noticeVersion: '',
      expiresAt: 'next year',
    }).expect(400);

    expect(response.body.code).toBe('VALIDATION_FAILED');
    const fields = new Set(response.body.errors.map((error: { field: string }) => error.field));
    expect(fields).toEqual(
      new Set(['purposes', 'recipients', 'dataCategories', 'noticeVersion', 'expiresAt']),
    );
    expect((await list(beneficiaryId).expect(200)).body.items).toEqual([]);
  });

  it('returns 400 for unknown fields, an empty purpose list and a missing withdrawal reason', async () => {
    const beneficiaryId = await register();
    const granted = (await grant(beneficiaryId).expect(201)).body;

    const unknown = await grant(beneficiaryId, { ...consent(), signature: 'scan.pdf' }).expect(400);
    const empty = await grant(beneficiaryId, consent({ purposes: [] })).expect(400);
    const noReason = await http()
      .post(`/api/v1/beneficiaries/${beneficiaryId}/consents/${granted.id}/withdrawal`)
      .set('authorization', caseWorker)
      .send({ reason: '  ' })
      .expect(400);

    expect(unknown.body.errors).toEqual([
      { field: 'signature', message: 'property signature should not exist' },
    ]);
    expect(empty.body.errors.map((error: { field: string }) => error.field)).toContain('purposes');
    expect(noReason.body.errors.map((error: { field: string }) => error.field)).toEqual(['reason']);
  });

  it('returns 400 when the consent would already be expired', async () => {
    const beneficiaryId = await register();

    const response = await grant(
      beneficiaryId,
      consent({ expiresAt: '2020-01-01T00:00:00Z' }),
    ).expect(400);

    expect(response.body).toMatchObject({
      code: 'CONSENT_EXPIRY_NOT_IN_FUTURE',
      errors: [{ field: 'expiresAt', message: 'expiresAt must be in the future' }],
    });
  });

  it("hides another institution's beneficiary from a case worker (404), not from a coordinator", async () => {
    const beneficiaryId = await register();
    const granted = (await grant(beneficiaryId).expect(201)).body;

    const seen = await list(beneficiaryId, {}, otherCaseWorker).expect(404);
    await grant(beneficiaryId, consent(), otherCaseWorker).expect(404);
    await withdraw(beneficiaryId, granted.id, otherCaseWorker).expect(404);
    const byCoordinator = await grant(beneficiaryId, consent(), coordinator).expect(201);

    expect(seen.body.code).toBe('BENEFICIARY_NOT_FOUND');
    expect(byCoordinator.body).toMatchObject({ collectedBy: 'coord-1', collectingOrg: 'MINISTRY' });
    expect((await list(beneficiaryId).expect(200)).body.items).toHaveLength(2);
  });

  it('returns 404 for an unknown beneficiary or a consent of another beneficiary', async () => {
    const owner = await register();
    const other = await register();
    const granted = (await grant(owner).expect(201)).body;

    const unknown = await grant('0193a3c4-5f1e-7d2a-9b8c-1234567890ab').expect(404);
    const foreign = await withdraw(other, granted.id).expect(404);

    expect(unknown.body.code).toBe('BENEFICIARY_NOT_FOUND');
    expect(foreign.body.code).toBe('CONSENT_NOT_FOUND');
  });

  it('returns 403 to analysts and trainers', async () => {
    const beneficiaryId = await register();

    for (const token of [bearer('IOM', ['analyst']), bearer('IOM', ['trainer'])]) {
      await list(beneficiaryId, {}, token).expect(403);
      await grant(beneficiaryId, consent(), token).expect(403);
    }
  });

  it('replays a grant retried with the same Idempotency-Key', async () => {
    const beneficiaryId = await register();
    const body = consent();

    const key = `k-${letters(10)}`;

    const first = await grant(beneficiaryId, body).set('idempotency-key', key).expect(201);
    const retry = await grant(beneficiaryId, body).set('idempotency-key', key).expect(201);

    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((await list(beneficiaryId).expect(200)).body.items).toHaveLength(1);
  });

  it('tells other features which consents are in force for a purpose and a recipient', async () => {
    const beneficiaryId = await register();
    const granted = (
      await grant(
        beneficiaryId,
        consent({ purposes: ['referral'], recipients: ['ANAPEC'] }),
      ).expect(201)
    ).body;
    const consents = app.get(ConsentsService);
    const lookup = (purpose: 'referral' | 'training', recipient: string, at?: Date) =>
      consents.activeConsentsFor({ beneficiaryId, purpose, recipient, at });

    const inForce = await lookup('referral', 'ANAPEC');
    const otherPurpose = await lookup('training', 'ANAPEC');
    const otherRecipient = await lookup('referral', 'ENTRAIDE-NAT');
    const beforeCollection = await lookup('referral', 'ANAPEC', new Date(Date.now() - 86_400_000));
    await withdraw(beneficiaryId, granted.id).expect(200);
    const afterWithdrawal = await lookup('referral', 'ANAPEC');
    const whileItHeld = await lookup('referral', 'ANAPEC', new Date(granted.collectedAt));

    expect(inForce).toEqual([
      expect.objectContaining({ id: granted.id, dataCategories: granted.dataCategories }),
    ]);
    expect([otherPurpose, otherRecipient, beforeCollection, afterWithdrawal]).toEqual([
      [],
      [],
      [],
      [],
    ]);
    expect(whileItHeld.map((item) => item.id)).toEqual([granted.id]);
  });
});
