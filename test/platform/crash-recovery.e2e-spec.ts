import type { ChildProcess } from 'node:child_process';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  deleteNamespaceStreams,
  freePort,
  newNamespace,
  startTestService,
  TestDatabase,
  waitFor,
  syntheticRegistration,
} from '@mrm/testing';
import { plainToInstance } from 'class-transformer';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { BeneficiariesService } from '../../apps/registration/src/beneficiaries/beneficiaries.service';
import { RegisterBeneficiaryRequestDto } from '../../apps/registration/src/beneficiaries/dto/register-beneficiary.request.dto';
import { RegistrationConfig } from '../../apps/registration/src/registration.config';
import { RegistrationModule } from '../../apps/registration/src/registration.module';
import { REGISTRATION_OPENAPI } from '../../apps/registration/src/registration.openapi';
import { assertReportingBuilt, spawnReporting, stopProcess } from './built-reporting';

const BURST = 5000;

// The reporting process is killed with SIGKILL in the middle of a burst of 5,000 registrations;
// after a restart its projection holds exactly the registered beneficiaries: none lost, none twice.
describe('reporting killed during a burst', () => {
  const namespace = newNamespace();
  let registrationDb: TestDatabase;
  let reportingDb: TestDatabase;
  let registration: NestExpressApplication;
  let reportingClient: Client;
  let reporting: ChildProcess | undefined;

  const startReporting = async () => {
    const child = spawnReporting({
      databaseUrl: reportingDb.url,
      namespace,
      port: await freePort(),
    });
    reporting = child;
    return child;
  };
  const facts = async () =>
    Number(
      (
        await reportingClient
          .query('SELECT count(*) FROM beneficiary_fact')
          .catch(() => ({ rows: [{ count: 0 }] }))
      ).rows[0].count,
    );

  beforeAll(async () => {
    assertReportingBuilt();
    [registrationDb, reportingDb] = await Promise.all([
      TestDatabase.create('crash_reg'),
      TestDatabase.create('crash_rep'),
    ]);
    ({ app: registration } = await startTestService({
      service: 'registration',
      configClass: RegistrationConfig,
      rootModule: (config) => RegistrationModule.forRoot(config),
      openApi: REGISTRATION_OPENAPI,
      databaseUrl: registrationDb.url,
      namespace,
      env: { OUTBOX_BATCH_SIZE: '500' },
    }));
    reportingClient = new Client({ connectionString: reportingDb.url });
    await reportingClient.connect();
  }, 60_000);

  afterAll(async () => {
    await stopProcess(reporting);
    await reportingClient?.end();
    await registration?.close();
    await deleteNamespaceStreams(namespace);
    await Promise.all([registrationDb?.drop(), reportingDb?.drop()]);
  });

  it('ends with the projection equal to the source', async () => {
    const first = await startReporting();
    const service = registration.get(BeneficiariesService);
    let submitted = 0;
    const burst = (async () => {
      const workers = Array.from({ length: 8 }, async () => {
        while (submitted < BURST) {
          submitted += 1;
          await service.create({
            request: plainToInstance(
              RegisterBeneficiaryRequestDto,
              syntheticRegistration(submitted),
            ),
            principal: { sub: 'burst', org: 'IOM', roles: ['case-worker'] },
          });
        }
      });
      await Promise.all(workers);
    })();

    await waitFor(async () => (await facts()) >= 500, {
      what: 'reporting to be mid-burst',
      timeoutMs: 60_000,
    });
    await stopProcess(first, 'SIGKILL');
    const countedAtKill = await facts();
    await burst;
    await startReporting();

    await waitFor(async () => (await facts()) === BURST, {
      what: `${BURST} facts after the restart`,
      timeoutMs: 120_000,
      intervalMs: 250,
    });
    const source = await registration
      .get(DataSource)
      .query('SELECT id FROM beneficiary ORDER BY id');
    const projected = (
      await reportingClient.query(
        'SELECT beneficiary_id AS id FROM beneficiary_fact ORDER BY beneficiary_id',
      )
    ).rows;
    const inbox = (
      await reportingClient.query(
        "SELECT count(*)::int AS n FROM inbox_message WHERE consumer = 'reporting'",
      )
    ).rows[0].n;
    expect(countedAtKill).toBeLessThan(BURST);
    expect(projected).toEqual(source);
    expect(inbox).toBe(BURST);

    // And a SIGTERM drains and exits cleanly within the grace period.
    expect(await stopProcess(reporting)).toBe(0);
  }, 240_000);
});
