import type { NestExpressApplication } from '@nestjs/platform-express';
import { generateKey } from '@mrm/protection';
import { deleteNamespaceStreams, newNamespace, startTestService, TestDatabase } from '@mrm/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ReencryptionService } from '../src/beneficiaries/reencryption.service';
import { RegistrationConfig } from '../src/registration.config';
import { RegistrationModule } from '../src/registration.module';
import { REGISTRATION_OPENAPI } from '../src/registration.openapi';
import { aBeneficiary } from './factories/beneficiary.factory';
import { auth } from './support/registration-test-app';

// Key rotation (docs/operations/key-rotation.md): the service restarts with a new active key and
// a new blind-index key; the re-encryption job rewrites every token and search key in batches,
// resumably; afterwards the old key can leave the keyring and everything still reads and searches.
describe('re-encryption after a key rotation', () => {
  const caseWorker = auth('IOM', ['case-worker']);
  const oldKey = `old:${generateKey()}`;
  const newKey = `new:${generateKey()}`;
  const oldIndexKey = generateKey();
  const newIndexKey = generateKey();
  let database: TestDatabase;
  const namespace = newNamespace();
  let app: NestExpressApplication | undefined;
  const people: Array<{ id: string; phone: string; names: unknown }> = [];

  const start = async (keys: string, blindIndexKey: string) => {
    await app?.close();
    ({ app } = await startTestService({
      service: 'registration',
      configClass: RegistrationConfig,
      rootModule: (config) => RegistrationModule.forRoot(config),
      openApi: REGISTRATION_OPENAPI,
      databaseUrl: database.url,
      namespace,
      env: { REGISTRATION_ENCRYPTION_KEYS: keys, REGISTRATION_BLIND_INDEX_KEY: blindIndexKey },
    }));
    return app;
  };
  const http = () => request(app!.getHttpServer());
  const keyIdsInUse = async () =>
    (
      await app!.get(DataSource).query<Array<{ kid: string; n: number }>>(
        `SELECT split_part(t, '.', 2) AS kid, count(*)::int AS n
           FROM beneficiary, unnest(ARRAY[names_enc, phone_enc, address_enc, documents_enc]) AS t
          WHERE t IS NOT NULL GROUP BY 1 ORDER BY 1`,
      )
    ).reduce<Record<string, number>>((kids, row) => ({ ...kids, [row.kid]: row.n }), {});
  const findByPhone = async (phone: string) =>
    (
      await http()
        .post('/api/v1/beneficiaries/search')
        .set('authorization', caseWorker)
        .send({ phone })
        .expect(200)
    ).body.items.map((item: { id: string }) => item.id);

  beforeAll(async () => {
    database = await TestDatabase.create('reencrypt');
    await start(oldKey, oldIndexKey);
    for (let i = 0; i < 5; i++) {
      const body = aBeneficiary();
      const created = await http()
        .post('/api/v1/beneficiaries')
        .set('authorization', caseWorker)
        .send(body)
        .expect(201);
      people.push({ id: created.body.id, phone: body.phone as string, names: created.body.names });
    }
  });

  afterAll(async () => {
    await app?.close();
    await deleteNamespaceStreams(namespace);
    await database?.drop();
  });

  it('rewrites every token and search key under the new keys, in resumable batches', async () => {
    // Every person has names, phone and address tokens (documents too when the factory gives some).
    const tokens = (await keyIdsInUse()).old;
    expect(tokens).toBeGreaterThanOrEqual(15);
    expect(await keyIdsInUse()).toEqual({ old: tokens });
    // Rotation: the new keys are active, the old encryption key stays readable.
    await start(`${oldKey},${newKey}`, newIndexKey);
    expect(await findByPhone(people[0].phone)).toEqual([]);
    const job = app!.get(ReencryptionService);

    // A time-boxed run stops after one batch of two and says it is not complete.
    const first = await job.run({ batchSize: 2, reindex: false, maxBatches: 1 });
    expect(first).toMatchObject({ reencrypted: 2, complete: false });
    expect(first.remaining.beneficiaries).toBe(3);
    expect(await keyIdsInUse()).toEqual({ new: (tokens / 5) * 2, old: (tokens / 5) * 3 });

    // The next run carries on, then recomputes the search keys.
    const batches: string[] = [];
    const second = await job.run({
      batchSize: 2,
      reindex: true,
      onBatch: (progress) => batches.push(`${progress.pass}:${progress.rows}`),
    });
    expect(second).toMatchObject({
      activeKeyId: 'new',
      reencrypted: 3,
      reindexed: 5,
      complete: true,
    });
    expect(second.remaining).toEqual({ beneficiaries: 0, idempotencyRecords: 0 });
    expect(batches).toEqual(['reencrypt:2', 'reencrypt:1', 'reindex:2', 'reindex:2', 'reindex:1']);
    expect(await keyIdsInUse()).toEqual({ new: tokens });

    // A second full run finds nothing to do.
    expect(await job.run({ batchSize: 2, reindex: false })).toMatchObject({
      reencrypted: 0,
      complete: true,
    });
  });

  it('reads and searches everything once the old key has left the keyring', async () => {
    await start(newKey, newIndexKey);
    for (const person of people) {
      expect(await findByPhone(person.phone)).toEqual([person.id]);
      const read = await http()
        .get(`/api/v1/beneficiaries/${person.id}`)
        .set('authorization', caseWorker)
        .expect(200);
      expect(read.body.names).toEqual(person.names);
    }
  });
});
