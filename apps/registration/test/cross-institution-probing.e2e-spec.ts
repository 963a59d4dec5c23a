import { aBeneficiary } from './factories/beneficiary.factory';
import { auth, RegistrationTestApp } from './support/registration-test-app';

// Issue 18 item 2: what a case worker can learn about another institution's records, and how
// often. The budget is 2 answers per hour here (REGISTRATION_PROBE_LIMIT).
describe('cross-institution probing', () => {
  let sut: RegistrationTestApp;
  const anapec = auth('ANAPEC', ['case-worker'], 'cw-anapec');
  const coordinator = auth('MINISTRY', ['coordinator'], 'coord-1');
  const ELSEWHERE = { reason: 'registered-by-another-institution', reviewId: expect.any(String) };

  const register = async (body: Record<string, unknown>, token: string) =>
    (
      await sut.http
        .post('/api/v1/beneficiaries')
        .set('authorization', token)
        .send(body)
        .expect(201)
    ).body as {
      id: string;
      reference: string;
      phone: string;
      documents: Array<{ number: string }>;
    };
  const searchBy = (body: Record<string, unknown>, token: string) =>
    sut.http.post('/api/v1/beneficiaries/search').set('authorization', token).send(body);

  beforeAll(async () => {
    sut = await RegistrationTestApp.start('probing', {
      REGISTRATION_PROBE_LIMIT: '2',
      REGISTRATION_PROBE_WINDOW_SECONDS: '3600',
    });
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('rate-limits a user who keeps being told about other institutions, with 429 and Retry-After', async () => {
    const prober = auth('IOM', ['case-worker'], 'cw-prober');
    const theirs = await register(aBeneficiary(), anapec);

    const first = await searchBy({ phone: theirs.phone }, prober);
    const second = await searchBy(
      { documentType: 'CIN', documentNumber: theirs.documents[0].number },
      prober,
    );
    // Past the budget every identity lookup is refused, hit or miss, so a refusal reveals nothing.
    const third = await searchBy({ phone: '+212600000001' }, prober);
    const create = await sut.http
      .post('/api/v1/beneficiaries')
      .set('authorization', prober)
      .send(aBeneficiary());
    const colleague = await searchBy({ phone: theirs.phone }, auth('IOM', ['case-worker'], 'cw-2'));
    const national = await searchBy({ phone: theirs.phone }, coordinator);

    expect([first.status, first.body.items, first.body.elsewhere]).toEqual([200, [], ELSEWHERE]);
    expect([second.status, second.body.elsewhere]).toEqual([200, ELSEWHERE]);
    for (const refused of [third, create]) {
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.code).toBe('PROBING_RATE_LIMITED');
      const retryAfter = Number(refused.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(3500);
      expect(retryAfter).toBeLessThanOrEqual(3600);
    }
    expect([colleague.status, colleague.body.elsewhere]).toEqual([200, ELSEWHERE]);
    expect(national.status).toBe(200);
    expect(national.body.items.map((item: { id: string }) => item.id)).toEqual([theirs.id]);
    const audited = await sut.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entry
        WHERE action = 'match-elsewhere' AND actor_sub = 'cw-prober' AND $1 = ANY(resource_ids)`,
      [theirs.id],
    );
    expect(audited[0].n).toBe(2);
  });

  it('lets exactly the budget through when lookups at the limit arrive together', async () => {
    const prober = auth('IOM', ['case-worker'], 'cw-concurrent');
    const person = aBeneficiary();
    const theirs = await register(person, anapec);

    // Searches and registrations share one budget; all are sent before any is answered.
    const answers = await Promise.all([
      ...Array.from({ length: 4 }, () => searchBy({ phone: theirs.phone }, prober)),
      ...Array.from({ length: 4 }, () =>
        sut.http.post('/api/v1/beneficiaries').set('authorization', prober).send(person),
      ),
    ]);

    const outcomes = answers.map((answer) => (answer.body.elsewhere ? 'told' : answer.status));
    expect(outcomes.filter((outcome) => outcome === 'told')).toHaveLength(2);
    expect(outcomes.filter((outcome) => outcome === 429)).toHaveLength(answers.length - 2);
    const reviews = await sut.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM match_review WHERE requested_by = 'cw-concurrent'`,
    );
    expect(reviews[0].n).toBe(2);
  });

  it('queues the matches for coordinators, who see the records and reasons and resolve them', async () => {
    const caseWorker = auth('IOM', ['case-worker'], 'cw-reviewed');
    const theirs = await register(aBeneficiary(), anapec);
    const told = await searchBy({ phone: theirs.phone }, caseWorker);
    const reviewId = told.body.elsewhere.reviewId as string;

    const byCaseWorker = await sut.http
      .get('/api/v1/match-reviews')
      .set('authorization', caseWorker);
    const open = await sut.http
      .get('/api/v1/match-reviews?status=open&limit=100')
      .set('authorization', coordinator)
      .expect(200);
    const resolved = await sut.http
      .post(`/api/v1/match-reviews/${reviewId}/resolution`)
      .set('authorization', coordinator)
      .send({ note: 'Called both offices: the family moved to Rabat' });
    const again = await sut.http
      .post(`/api/v1/match-reviews/${reviewId}/resolution`)
      .set('authorization', coordinator)
      .send({ note: 'Twice' });

    expect(byCaseWorker.status).toBe(403);
    expect(open.body.items.find((item: { id: string }) => item.id === reviewId)).toMatchObject({
      context: 'search',
      requestedBy: 'cw-reviewed',
      requestedOrg: 'IOM',
      matchedIds: [theirs.id],
      reasons: ['phone'],
      status: 'open',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: 'coord-1' });
    expect([again.status, again.body.code]).toEqual([409, 'MATCH_REVIEW_ALREADY_RESOLVED']);
  });

  it('audits every candidate a dry-run import showed, its own institution’s included', async () => {
    const caseWorker = auth('ANAPEC', ['case-worker'], 'cw-importer');
    const ours = await register(aBeneficiary(), caseWorker);
    const csv = [
      'prenom,nom,sexe,date_naissance,nationalite,categorie,telephone,region,cin',
      `Amina,Benzakour,F,17/04/1991,MA,returning-moroccan,0611223344,05,${ours.documents[0].number}`,
    ].join('\r\n');

    const preview = await sut.http
      .post('/api/v1/beneficiary-imports?dryRun=true')
      .set('authorization', caseWorker)
      .attach('file', Buffer.from(csv), { filename: 'liste.csv', contentType: 'text/csv' })
      .expect(200);

    expect(preview.body.rows).toEqual([
      {
        row: 1,
        status: 'probable-duplicate',
        candidates: [{ id: ours.id, reference: ours.reference, reasons: ['document'] }],
      },
    ]);
    const [entry] = await sut.query<{ resource_ids: string[]; details: Record<string, unknown> }>(
      `SELECT resource_ids, details FROM audit_entry WHERE action = 'import' AND $1 = ANY(resource_ids)`,
      [preview.body.importId],
    );
    expect(entry.details).toMatchObject({ dryRun: true, candidateIds: [ours.id] });
  });
});
