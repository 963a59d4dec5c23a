import type { Role } from '@mrm/auth';
import { beneficiaryRegisteredV1, uuidv7 } from '@mrm/contracts';
import { JetStreamClient } from '@mrm/messaging';
import {
  bearer,
  deleteNamespaceStreams,
  newNamespace,
  startTestService,
  TestDatabase,
  waitFor,
} from '@mrm/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ReintegrationConfig } from '../src/reintegration.config';
import { ReintegrationModule } from '../src/reintegration.module';
import { REINTEGRATION_OPENAPI } from '../src/reintegration.openapi';

// The roster's behaviour is tested in libs/roster; this proves reintegration wires it: its own
// migration, its consumer on the registration stream, its read roles.
describe('reintegration roster wiring (e2e)', () => {
  const namespace = newNamespace();
  let database: TestDatabase;
  let app: NestExpressApplication;

  const getRoster = (beneficiaryId: string, role: Role) =>
    request(app.getHttpServer())
      .get(`/api/v1/roster/${beneficiaryId}`)
      .set('Authorization', bearer('IOM', [role]));

  beforeAll(async () => {
    database = await TestDatabase.create('reintegration_roster');
    ({ app } = await startTestService({
      service: 'reintegration',
      configClass: ReintegrationConfig,
      rootModule: (config) => ReintegrationModule.forRoot(config),
      openApi: REINTEGRATION_OPENAPI,
      databaseUrl: database.url,
      namespace,
    }));
  });

  afterAll(async () => {
    await app?.close();
    await deleteNamespaceStreams(namespace);
    await database?.drop();
  });

  it('shows a beneficiary from the bus to a project officer, not a case worker', async () => {
    const beneficiaryId = uuidv7();
    const event = beneficiaryRegisteredV1.build(
      {
        beneficiaryId,
        reference: 'MA-2026-000123',
        ownerOrg: 'IOM',
        category: 'returning-moroccan',
        sex: 'female',
        birthYear: 1991,
        nationality: 'MA',
        regionCode: '05',
        version: 1,
        registeredAt: new Date().toISOString(),
      },
      { subject: beneficiaryId, correlationId: uuidv7() },
    );
    // Retried until the consumer has declared the registration stream.
    const client = app.get(JetStreamClient);
    await waitFor(() => client.publishEnvelope(event).then(Boolean, () => false));

    await waitFor(async () => (await getRoster(beneficiaryId, 'project-officer')).status === 200, {
      what: 'the roster entry',
    });
    await getRoster(beneficiaryId, 'case-worker').expect(403);
  });
});
