import { waitFor } from '@mrm/testing';
import { randomBytes } from 'node:crypto';
import { aBeneficiary } from './factories/beneficiary.factory';
import { auth, RegistrationTestApp } from './support/registration-test-app';

describe('duplicates', () => {
  let sut: RegistrationTestApp;
  const iom = auth('IOM', ['case-worker'], 'cw-iom-1');
  const anapec = auth('ANAPEC', ['case-worker'], 'cw-anapec-1');
  const cospe = auth('COSPE', ['case-worker'], 'cw-cospe-1');
  const coordinator = auth('MINISTRY', ['coordinator'], 'coord-1');
  const analyst = auth('MINISTRY', ['analyst'], 'analyst-1');
  const UNKNOWN_ID = '0193a3c4-5f1e-7d2a-9b8c-1234567890ab';
  const NAME_REASON = 'name+birth-year+nationality';

  // Each test draws its own birth year, so that its namesakes never meet another test's.
  let nextYear = 1940;
  const aYear = () => (nextYear += 4);
  const surname = () =>
    Array.from(randomBytes(6), (byte, i) => 'bdfgklmnprstvz'[byte % 14] + (i % 2 ? 'i' : 'a'))
      .join('')
      .replace(/^./, (first) => first.toUpperCase());

  const post = (body: Record<string, unknown>, token = iom) =>
    sut.http.post('/api/v1/beneficiaries').set('authorization', token).send(body);
  const register = async (body: Record<string, unknown>, token = iom) =>
    (await post(body, token).expect(201)).body as { id: string; reference: string };
  const override = { duplicateOverride: { reason: 'Checked in person: a different man' } };
  const queue = async (token = iom, query = 'status=open') =>
    (await sut.http.get(`/api/v1/duplicates?${query}`).set('authorization', token).expect(200))
      .body as {
      items: Array<Record<string, unknown> & { id: string; candidate: object }>;
      nextCursor: string | null;
    };
  const act = (id: string, action: 'merge' | 'dismissal', body: object, token = iom) =>
    sut.http.post(`/api/v1/duplicates/${id}/${action}`).set('authorization', token).send(body);
  /** Registers a person and, overriding the check, the same person again: one queued pair. */
  const aPair = async (tokens: { first?: string; second?: string } = {}) => {
    const person = { firstName: 'Karim', lastName: surname(), birthDate: `${aYear()}-03-04` };
    const candidate = await register(aBeneficiary(person), tokens.first);
    const beneficiary = await register(aBeneficiary({ ...person, ...override }), tokens.second);
    const [entry] = await sut.query<{ id: string }>(
      'SELECT id FROM duplicate_candidate WHERE beneficiary_id = $1',
      [beneficiary.id],
    );
    return { id: entry.id, candidate, beneficiary };
  };

  beforeAll(async () => {
    sut = await RegistrationTestApp.start('duplicates');
  });

  afterAll(async () => {
    await sut?.stop();
  });

  describe('at registration', () => {
    it.each([
      ['spellings of Mohamed', { firstName: 'Mohamed' }, { firstName: 'Muhammad' }],
      ['spellings of the article', { lastName: 'El Amrani' }, { lastName: 'Al-Amrani' }],
      ['an attached article', { lastName: 'Al-Amrani' }, { lastName: 'Elamrani' }],
      ['a doubled consonant', { firstName: 'Mohammed' }, { firstName: 'Mohamed' }],
      [
        'the same person registered in Arabic script',
        {},
        { firstName: 'Mhemmed', lastName: 'Lamrani', firstNameAr: 'محمد', lastNameAr: 'العمراني' },
      ],
      ['swapped first and last names', {}, { firstName: 'Amrani', lastName: 'Mohamed' }],
    ])('answers 409 PROBABLE_DUPLICATE for %s', async (_case, first, second) => {
      const birthDate = `${aYear()}-07-15`;
      const base = { firstName: 'Mohamed', lastName: 'El Amrani', birthDate };
      const existing = await register(aBeneficiary({ ...base, ...first }));

      const response = await post(aBeneficiary({ ...base, ...second }));

      expect(response.status).toBe(409);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.code).toBe('PROBABLE_DUPLICATE');
      expect(response.body.candidates).toEqual([
        { id: existing.id, reference: existing.reference, reasons: [NAME_REASON] },
      ]);
    });

    it('finds the same document written with spaces, dashes or another case', async () => {
      const existing = await register(
        aBeneficiary({
          lastName: surname(),
          documents: [{ type: 'PASSPORT', number: 'XR4455667', issuingCountry: 'SN' }],
        }),
      );

      const response = await post(
        aBeneficiary({
          lastName: surname(),
          documents: [{ type: 'PASSPORT', number: 'xr-445 5667', issuingCountry: 'SN' }],
        }),
      );

      expect(response.status).toBe(409);
      expect(response.body.candidates).toEqual([
        { id: existing.id, reference: existing.reference, reasons: ['document'] },
      ]);
    });

    it('finds the same phone, whatever the spacing', async () => {
      const existing = await register(
        aBeneficiary({ lastName: surname(), phone: '+212 662 11 22 33' }),
      );

      const response = await post(aBeneficiary({ lastName: surname(), phone: '+212662112233' }));

      expect(response.status).toBe(409);
      expect(response.body.candidates).toEqual([
        { id: existing.id, reference: existing.reference, reasons: ['phone'] },
      ]);
    });

    it('widens the birth-year window to ±2 when a year is estimated, and not beyond', async () => {
      const year = aYear();
      const person = { firstName: 'Youssef', lastName: surname(), birthDate: undefined };
      const estimated = await register(aBeneficiary({ ...person, birthYear: year }));

      const twoYearsOff = await post(aBeneficiary({ ...person, birthDate: `${year + 2}-01-01` }));
      const threeYearsOff = await post(aBeneficiary({ ...person, birthYear: year - 3 }));

      expect(twoYearsOff.status).toBe(409);
      expect(twoYearsOff.body.candidates.map((c: { id: string }) => c.id)).toEqual([estimated.id]);
      expect(threeYearsOff.status).toBe(201);
    });

    it('does not take a namesake born two years apart, or of another nationality, for the same person', async () => {
      const year = aYear();
      const person = { firstName: 'Aminata', lastName: surname(), nationality: 'SN' };
      await register(aBeneficiary({ ...person, birthDate: `${year}-02-02` }));

      const otherYear = await post(aBeneficiary({ ...person, birthDate: `${year + 2}-02-02` }));
      const otherNationality = await post(
        aBeneficiary({ ...person, birthDate: `${year}-02-02`, nationality: 'ML' }),
      );

      expect(otherYear.status).toBe(201);
      expect(otherNationality.status).toBe(201);
    });

    it('says only that another institution probably registered the person, and opens a review', async () => {
      const theirs = aBeneficiary({
        firstName: 'Khadija',
        lastName: surname(),
        birthDate: `${aYear()}-11-30`,
        address: { line: '7 derb Sidi Bouloukat', commune: 'Marrakech' },
      });
      const existing = await register(theirs, anapec);

      const response = await post(aBeneficiary({ ...theirs, phone: undefined, documents: [] }));

      expect(response.status).toBe(409);
      expect(response.body.candidates).toEqual([]);
      expect(response.body.elsewhere).toEqual({
        reason: 'registered-by-another-institution',
        reviewId: expect.any(String),
      });
      const text = JSON.stringify(response.body);
      for (const value of [
        theirs.lastName,
        theirs.phone,
        'Bouloukat',
        'ANAPEC',
        existing.id,
        existing.reference,
        NAME_REASON,
      ]) {
        expect(text).not.toContain(value);
      }
      const [review] = await sut.query(
        'SELECT context, requested_by, requested_org, matched_ids, reasons, status FROM match_review WHERE id = $1',
        [response.body.elsewhere.reviewId],
      );
      expect(review).toEqual({
        context: 'create',
        requested_by: 'cw-iom-1',
        requested_org: 'IOM',
        matched_ids: [existing.id],
        reasons: [NAME_REASON],
        status: 'open',
      });
      const [entry] = await sut.query<{ resource_ids: string[]; details: unknown }>(
        `SELECT resource_ids, details FROM audit_entry WHERE action = 'match-elsewhere'
          AND details->>'matchReviewId' = $1`,
        [response.body.elsewhere.reviewId],
      );
      expect(entry).toEqual({
        resource_ids: [existing.id],
        details: {
          context: 'create',
          matchReviewId: response.body.elsewhere.reviewId,
          matchReasons: [NAME_REASON],
        },
      });
    });

    it('lists the strong candidates (document, phone) first, then the oldest first', async () => {
      const person = { firstName: 'Rachid', lastName: surname(), birthDate: `${aYear()}-05-06` };
      const phone = '+212 661 98 76 54';
      const oldestNamesake = await register(aBeneficiary({ ...person, phone: undefined }));
      const samePhone = await register(aBeneficiary({ lastName: surname(), phone }));
      const youngerNamesake = await register(
        aBeneficiary({ ...person, phone: undefined, ...override }),
      );

      const response = await post(aBeneficiary({ ...person, phone }));

      expect(response.status).toBe(409);
      expect(response.body.candidates).toEqual([
        { id: samePhone.id, reference: samePhone.reference, reasons: ['phone'] },
        { id: oldestNamesake.id, reference: oldestNamesake.reference, reasons: [NAME_REASON] },
        { id: youngerNamesake.id, reference: youngerNamesake.reference, reasons: [NAME_REASON] },
      ]);
    });

    it('writes nothing when it answers 409: no row, search key, audit entry, event or reference number', async () => {
      const person = { firstName: 'Fatima', lastName: surname(), birthDate: `${aYear()}-08-09` };
      const before = await register(aBeneficiary(person));
      const footprint = await sut.footprint();

      const refused = await post(aBeneficiary(person));

      expect(refused.status).toBe(409);
      expect(await sut.footprint()).toEqual(footprint);
      // The next registration takes the number after the last one: the refusal used none.
      const after = await register(aBeneficiary({ lastName: surname() }));
      const numberOf = (reference: string) => Number(reference.split('-')[2]);
      expect(numberOf(after.reference)).toBe(numberOf(before.reference) + 1);
    });

    it('writes nothing either when the refused registration declared links (its transaction)', async () => {
      const person = { firstName: 'Omar', lastName: surname(), birthDate: `${aYear()}-10-11` };
      const existing = await register(aBeneficiary(person));
      const relative = await register(aBeneficiary({ lastName: surname() }));
      const footprint = await sut.footprint();

      const refused = await post(
        aBeneficiary({ ...person, links: [{ beneficiaryId: relative.id, relation: 'sibling' }] }),
      );

      expect(refused.status).toBe(409);
      expect(refused.body.candidates).toEqual([
        { id: existing.id, reference: existing.reference, reasons: [NAME_REASON] },
      ]);
      expect(await sut.footprint()).toEqual(footprint);
    });

    it('registers anyway with duplicateOverride.reason and queues the pair for review', async () => {
      const { id, candidate, beneficiary } = await aPair();

      const [row] = await sut.query('SELECT * FROM duplicate_candidate WHERE id = $1', [id]);
      const page = await queue();

      expect(row).toMatchObject({
        beneficiary_id: beneficiary.id,
        candidate_id: candidate.id,
        reasons: [NAME_REASON],
        status: 'open',
        created_by: 'cw-iom-1',
        resolved_at: null,
      });
      expect(page.items.find((item) => item.id === id)).toMatchObject({
        status: 'open',
        reasons: [NAME_REASON],
        beneficiary: { id: beneficiary.id, reference: beneficiary.reference, ownerOrg: 'IOM' },
        candidate: { id: candidate.id, reference: candidate.reference, status: 'registered' },
      });
    });
  });

  describe('review queue', () => {
    it('shows a case worker the pairs touching their institution, the other institution withheld', async () => {
      const pair = await aPair({ first: anapec, second: iom });

      const byIom = await queue(iom);
      const byCospe = await queue(cospe);
      const byCoordinator = await queue(coordinator, '');

      const entry = byIom.items.find((item) => item.id === pair.id);
      expect(entry!.candidate).toEqual({
        id: null,
        reference: null,
        ownerOrg: null,
        status: null,
        mergedInto: null,
        erased: null,
        elsewhere: true,
      });
      expect(entry!.beneficiary).toMatchObject({ id: pair.beneficiary.id, elsewhere: false });
      expect(entry!.reasons).toEqual(['registered-by-another-institution']);
      expect(JSON.stringify(byIom)).not.toContain(pair.candidate.id);
      expect(JSON.stringify(byIom)).not.toContain(pair.candidate.reference);
      expect(byCospe.items.map((item) => item.id)).not.toContain(pair.id);
      const seen = byCoordinator.items.find((item) => item.id === pair.id);
      expect(seen!.candidate).toMatchObject({ id: pair.candidate.id, ownerOrg: 'ANAPEC' });
      expect(seen!.reasons).toEqual([NAME_REASON]);
      const audited = await sut.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'match-elsewhere'
           AND actor_sub = 'cw-iom-1' AND details->>'context' = 'duplicates'
           AND $1 = ANY(resource_ids)`,
        [pair.candidate.id],
      );
      expect(audited[0].n).toBeGreaterThan(0);
    });

    it('pages newest first with an opaque cursor', async () => {
      const older = await aPair();
      const newer = await aPair();

      const first = await queue(iom, 'status=open&limit=1');
      const second = await queue(iom, `status=open&limit=1&cursor=${first.nextCursor}`);

      expect(first.items.map((item) => item.id)).toEqual([newer.id]);
      expect(second.items.map((item) => item.id)).toEqual([older.id]);
    });

    it('dismisses a pair once: a second dismissal or a merge then answers 409', async () => {
      const pair = await aPair();

      const dismissed = await act(pair.id, 'dismissal', { reason: 'Twins, checked at the office' });
      const again = await act(pair.id, 'dismissal', { reason: 'Twins' });
      const merge = await act(pair.id, 'merge', { survivorId: pair.candidate.id, reason: 'Same' });

      expect(dismissed.status).toBe(200);
      expect(dismissed.body).toMatchObject({
        status: 'dismissed',
        resolvedBy: 'cw-iom-1',
        resolutionReason: 'Twins, checked at the office',
      });
      expect([again.status, again.body.code]).toEqual([409, 'DUPLICATE_ALREADY_RESOLVED']);
      expect([merge.status, merge.body.code]).toEqual([409, 'DUPLICATE_ALREADY_RESOLVED']);
      expect((await queue()).items.map((item) => item.id)).not.toContain(pair.id);
    });

    it('answers 404 for an unknown pair or one of other institutions, 400 for a stranger survivor', async () => {
      const pair = await aPair({ first: anapec, second: anapec });

      const unknown = await act(UNKNOWN_ID, 'dismissal', { reason: 'Not the same' });
      const hidden = await act(
        pair.id,
        'merge',
        { survivorId: pair.candidate.id, reason: 'x' },
        iom,
      );
      const stranger = await act(
        pair.id,
        'merge',
        { survivorId: UNKNOWN_ID, reason: 'Same person' },
        anapec,
      );

      expect([unknown.status, unknown.body.code]).toEqual([404, 'DUPLICATE_CANDIDATE_NOT_FOUND']);
      expect([hidden.status, hidden.body.code]).toEqual([404, 'DUPLICATE_CANDIDATE_NOT_FOUND']);
      expect(stranger.status).toBe(400);
      expect(stranger.body.errors).toEqual([{ field: 'survivorId', message: expect.any(String) }]);
    });

    it('lets only a coordinator merge records of two institutions', async () => {
      const pair = await aPair({ first: anapec, second: iom });
      const body = { survivorId: pair.candidate.id, reason: 'Same passport photo' };

      const byCaseWorker = await act(pair.id, 'merge', body, iom);
      const byCoordinator = await act(pair.id, 'merge', body, coordinator);

      expect([byCaseWorker.status, byCaseWorker.body.code]).toEqual([403, 'AUTH_FORBIDDEN']);
      expect(byCoordinator.status).toBe(200);
    });

    it('refuses to merge a pair whose record was erased (409)', async () => {
      const pair = await aPair();
      await sut.http
        .post(`/api/v1/beneficiaries/${pair.beneficiary.id}/erasure`)
        .set('authorization', coordinator)
        .send({ reason: 'Opposition of the person (law 09-08)' })
        .expect(200);
      // The erasure reaches the queue through beneficiary.erased.v1, a few milliseconds later.
      await waitFor(
        async () =>
          (
            await sut.query<{ status: string }>(
              'SELECT status FROM duplicate_candidate WHERE id = $1',
              [pair.id],
            )
          )[0].status === 'dismissed',
        { what: 'the erasure to close the review entry' },
      );

      const response = await act(pair.id, 'merge', { survivorId: pair.candidate.id, reason: 'x' });

      expect([response.status, response.body.code]).toEqual([409, 'DUPLICATE_ALREADY_RESOLVED']);
    });

    it('answers 403 to an analyst on every duplicates endpoint', async () => {
      const pair = await aPair();

      const responses = await Promise.all([
        sut.http.get('/api/v1/duplicates').set('authorization', analyst),
        act(pair.id, 'merge', { survivorId: pair.candidate.id, reason: 'Same' }, analyst),
        act(pair.id, 'dismissal', { reason: 'Different' }, analyst),
      ]);

      expect(responses.map((response) => response.status)).toEqual([403, 403, 403]);
    });
  });
});
