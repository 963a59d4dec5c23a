import { waitFor } from '@mrm/testing';
import { aBeneficiary } from './factories/beneficiary.factory';
import { auth, RegistrationTestApp } from './support/registration-test-app';

// Erasure reaches every feature of the registry that keeps something about the person: the
// import rows (keyed hashes of their spreadsheet row), the duplicate review queue and the consents'
// free-text reasons. Each feature reacts to beneficiary.erased.v1 from the bus.
describe('erasure across the registry', () => {
  let sut: RegistrationTestApp;
  const coordinator = auth('IOM', ['coordinator']);

  beforeAll(async () => {
    sut = await RegistrationTestApp.start('erasure_propagation');
  });

  afterAll(async () => {
    await sut?.stop();
  });

  const erase = (id: string) =>
    sut.http
      .post(`/api/v1/beneficiaries/${id}/erasure`)
      .set('authorization', coordinator)
      .send({ reason: 'Request of the person (law 09-08), ticket 42' })
      .expect(200);

  it('dismisses open duplicate reviews and ends consents, clearing their free text', async () => {
    const person = aBeneficiary();
    const { body: first } = await sut.http
      .post('/api/v1/beneficiaries')
      .set('authorization', coordinator)
      .send(person)
      .expect(201);
    await sut.http
      .post('/api/v1/beneficiaries')
      .set('authorization', coordinator)
      .send({
        ...person,
        phone: undefined,
        documents: [],
        duplicateOverride: { reason: 'same name, different person?' },
      })
      .expect(201);
    const { body: consent } = await sut.http
      .post(`/api/v1/beneficiaries/${first.id}/consents`)
      .set('authorization', coordinator)
      .send({
        purposes: ['referral'],
        recipients: ['ANAPEC'],
        dataCategories: ['identity'],
        noticeVersion: '2026-01',
      })
      .expect(201);
    await sut.http
      .post(`/api/v1/beneficiaries/${first.id}/consents/${consent.id}/withdrawal`)
      .set('authorization', coordinator)
      .send({ reason: 'Mme Benali called from 0612345678' })
      .expect((response) => expect(response.status).toBeLessThan(300));
    const [{ open }] = await sut.query<{ open: number }>(
      `SELECT count(*)::int AS open FROM duplicate_candidate WHERE status = 'open' AND (beneficiary_id = $1 OR candidate_id = $1)`,
      [first.id],
    );
    expect(open).toBe(1);

    await erase(first.id);

    await waitFor(
      async () => {
        const [queue] = await sut.query<{ open: number }>(
          `SELECT count(*)::int AS open FROM duplicate_candidate WHERE status = 'open' AND (beneficiary_id = $1 OR candidate_id = $1)`,
          [first.id],
        );
        const [consents] = await sut.query<{ reasons: number }>(
          'SELECT count(withdrawal_reason)::int AS reasons FROM consent WHERE beneficiary_id = $1',
          [first.id],
        );
        return queue.open === 0 && consents.reasons === 0;
      },
      { what: 'the queue and consents to react to the erasure' },
    );
    const [dismissed] = await sut.query<{ resolved_by: string }>(
      `SELECT resolved_by FROM duplicate_candidate WHERE beneficiary_id = $1 OR candidate_id = $1`,
      [first.id],
    );
    expect(dismissed.resolved_by).toBe('system:erasure');
  });

  it('reaches every record merged into the erased one, one event each, free text scrubbed', async () => {
    const register = async (body: Record<string, unknown>) =>
      (
        await sut.http
          .post('/api/v1/beneficiaries')
          .set('authorization', coordinator)
          .send(body)
          .expect(201)
      ).body as { id: string };
    const person = aBeneficiary({ birthDate: '1987-09-14' });
    const again = { ...person, phone: undefined, documents: [] };
    const override = { duplicateOverride: { reason: 'Fatima says she never came before' } };
    const survivor = await register(person);
    const middle = await register({ ...again, ...override });
    const third = await register({ ...again, ...override });
    // third → middle → survivor: a chain of two merges.
    const merge = async (mergedId: string, survivorId: string) => {
      const [pair] = await sut.query<{ id: string }>(
        `SELECT id FROM duplicate_candidate WHERE status = 'open'
            AND ((beneficiary_id = $1 AND candidate_id = $2) OR (beneficiary_id = $2 AND candidate_id = $1))`,
        [mergedId, survivorId],
      );
      await sut.http
        .post(`/api/v1/duplicates/${pair.id}/merge`)
        .set('authorization', coordinator)
        .send({ survivorId, reason: 'Same woman: Fatima B., passport photo matches' })
        .expect(200);
    };
    await merge(third.id, middle.id);
    await merge(middle.id, survivor.id);
    const identityOf = (id: string) =>
      sut.query<{ names_enc: string | null; birth_date_enc: string | null }>(
        'SELECT names_enc, birth_date_enc FROM beneficiary WHERE id = $1',
        [id],
      );
    // A merged record no longer keeps the identity: the survivor holds it.
    expect(await identityOf(middle.id)).toEqual([{ names_enc: null, birth_date_enc: null }]);

    await erase(survivor.id);

    const rows = await sut.query<{ id: string; erased: boolean; names_enc: string | null }>(
      `SELECT id, erased_at IS NOT NULL AS erased, names_enc, birth_date_enc, birth_year
         FROM beneficiary WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [[survivor.id, middle.id, third.id]],
    );
    expect(rows).toEqual(
      [survivor.id, middle.id, third.id].sort().map((id) => ({
        id,
        erased: true,
        names_enc: null,
        birth_date_enc: null,
        birth_year: 1987,
      })),
    );
    await waitFor(
      async () => {
        const erasedEvents = (await sut.streamMessages()).filter((message) =>
          message.subject.endsWith('beneficiary.erased.v1'),
        );
        const ids = erasedEvents.map((message) => JSON.parse(message.data).beneficiaryId);
        return [survivor.id, middle.id, third.id].every((id) => ids.includes(id));
      },
      { what: 'one beneficiary.erased.v1 per record' },
    );
    await waitFor(
      async () =>
        (
          await sut.query(
            `SELECT 1 FROM duplicate_candidate
              WHERE (beneficiary_id = ANY($1::uuid[]) OR candidate_id = ANY($1::uuid[]))
                AND resolution_reason LIKE '%Fatima%'`,
            [[survivor.id, middle.id, third.id]],
          )
        ).length === 0,
      { what: 'the merge reasons naming the person to be scrubbed' },
    );
    // The audit trail keeps who did what to which ids; its free text naming her goes (ADR 0022).
    const auditText = () =>
      sut.query<{ action: string; reason: string | null }>(
        `SELECT action, reason FROM audit_entry
          WHERE resource_ids && $1::uuid[] AND (reason LIKE '%Fatima%' OR details::text LIKE '%Fatima%')`,
        [[survivor.id, middle.id, third.id]],
      );
    await waitFor(async () => (await auditText()).length === 0, {
      what: 'the audit entries’ reasons naming the person to be scrubbed',
    });
    const scrubbed = await sut.query<{ action: string; reason: string; override: string }>(
      `SELECT action, reason, details->'duplicateOverride'->>'reason' AS override FROM audit_entry
        WHERE resource_ids && $1::uuid[] AND action IN ('merge', 'create') ORDER BY action`,
      [[middle.id, third.id]],
    );
    expect(scrubbed).toEqual([
      { action: 'create', reason: null, override: 'record erased' },
      { action: 'create', reason: null, override: 'record erased' },
      { action: 'merge', reason: 'record erased', override: null },
      { action: 'merge', reason: 'record erased', override: null },
    ]);
    const [audit] = await sut.query<{ resource_ids: string[]; reason: string }>(
      `SELECT resource_ids, reason FROM audit_entry WHERE action = 'erase' AND $1 = ANY(resource_ids)`,
      [survivor.id],
    );
    expect([...audit.resource_ids].sort()).toEqual([survivor.id, middle.id, third.id].sort());
    expect(audit.reason).toBe('Request of the person (law 09-08), ticket 42');
  });

  it('deletes the import rows of an erased person', async () => {
    const csv = [
      'prenom,nom,sexe,date_naissance,nationalite,categorie,region',
      'Amina,Benali-Zorababa,F,17/04/1991,MA,returning-moroccan,05',
    ].join('\r\n');
    const { body: report } = await sut.http
      .post('/api/v1/beneficiary-imports?dryRun=false')
      .set('authorization', coordinator)
      .attach('file', Buffer.from(csv), { filename: 'list.csv', contentType: 'text/csv' })
      .expect(200);
    const beneficiaryId = report.rows[0].beneficiaryId as string;
    expect(
      await sut.query('SELECT 1 FROM import_row WHERE beneficiary_id = $1', [beneficiaryId]),
    ).toHaveLength(1);

    await erase(beneficiaryId);

    await waitFor(
      async () =>
        (await sut.query('SELECT 1 FROM import_row WHERE beneficiary_id = $1', [beneficiaryId]))
          .length === 0,
      {
        what: 'the import row to go',
      },
    );
  });
});
