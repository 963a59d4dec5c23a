import { bearer, syntheticRegistration, TestService, waitFor } from '@mrm/testing';
import { DataSource } from 'typeorm';
import { ReferralsConfig } from '../../apps/referrals/src/referrals.config';
import { ReferralsModule } from '../../apps/referrals/src/referrals.module';
import { REFERRALS_OPENAPI } from '../../apps/referrals/src/referrals.openapi';
import { RegistrationConfig } from '../../apps/registration/src/registration.config';
import { RegistrationModule } from '../../apps/registration/src/registration.module';
import { REGISTRATION_OPENAPI } from '../../apps/registration/src/registration.openapi';
import { ReintegrationConfig } from '../../apps/reintegration/src/reintegration.config';
import { ReintegrationModule } from '../../apps/reintegration/src/reintegration.module';
import { REINTEGRATION_OPENAPI } from '../../apps/reintegration/src/reintegration.openapi';
import { FACT_TABLES } from '../../apps/reporting/src/projections/fact-tables';
import { ReportingRebuild } from '../../apps/reporting/src/projections/reporting-rebuild';
import { ReportingConfig } from '../../apps/reporting/src/reporting.config';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { REPORTING_OPENAPI } from '../../apps/reporting/src/reporting.openapi';
import { TrainingConfig } from '../../apps/training/src/training.config';
import { TrainingModule } from '../../apps/training/src/training.module';
import { TRAINING_OPENAPI } from '../../apps/training/src/training.openapi';

// The five services on one bus, driven through their HTTP APIs only; reporting's figures are
// checked against counts made by hand from the scenario below.
describe('indicators across the platform (e2e)', () => {
  let registration: TestService;
  let training: TestService;
  let reintegration: TestService;
  let referrals: TestService;
  let reporting: TestService;
  const caseWorker = bearer('IOM', ['case-worker'], 'cw-1');
  const coordinator = bearer('MINISTRY', ['coordinator'], 'coordinator-1');
  const trainer = bearer('IOM', ['trainer'], 'trainer-1');
  const analyst = bearer('MINISTRY', ['analyst'], 'analyst-1');

  // 40 people: 20 women and 20 men; 3 Senegalese (foreign-avrr), 37 Moroccans (returning);
  // 10 in each of four regions; 8 born in each of 2010, 2004, 1996, 1985 and 1970.
  const BIRTH_YEARS = [2010, 2004, 1996, 1985, 1970];
  const REGIONS = ['05', '06', '07', '08'];
  const people = Array.from({ length: 40 }, (_, i) =>
    syntheticRegistration(i + 1, {
      sex: i % 2 === 0 ? 'female' : 'male',
      nationality: i < 3 ? 'SN' : 'MA',
      category: i < 3 ? 'foreign-avrr' : 'returning-moroccan',
      regionCode: REGIONS[i % 4],
      birthDate: `${BIRTH_YEARS[i % 5]}-06-15`,
      programmeCode: 'FORAS',
    }),
  );
  const ids: string[] = [];
  const year = new Date().getUTCFullYear();

  const indicator = async (path: string, token = coordinator) =>
    (await reporting.http.get(`/api/v1/indicators/${path}`).set('authorization', token).expect(200))
      .body as {
      total: { value: number | null; suppressed: boolean };
      groups: Array<{ keys: Record<string, string>; value: number | null; suppressed: boolean }>;
      suppression: { threshold: number; cells: number; complementary: number };
    };

  beforeAll(async () => {
    registration = await TestService.start({
      service: 'registration',
      configClass: RegistrationConfig,
      rootModule: (config) => RegistrationModule.forRoot(config),
      openApi: REGISTRATION_OPENAPI,
    });
    const onTheBus = { busOf: registration };
    [training, reintegration, referrals, reporting] = await Promise.all([
      TestService.start({
        service: 'training',
        configClass: TrainingConfig,
        rootModule: (config) => TrainingModule.forRoot(config),
        openApi: TRAINING_OPENAPI,
        ...onTheBus,
      }),
      TestService.start({
        service: 'reintegration',
        configClass: ReintegrationConfig,
        rootModule: (config) => ReintegrationModule.forRoot(config),
        openApi: REINTEGRATION_OPENAPI,
        ...onTheBus,
      }),
      TestService.start({
        service: 'referrals',
        configClass: ReferralsConfig,
        rootModule: (config) => ReferralsModule.forRoot(config),
        openApi: REFERRALS_OPENAPI,
        ...onTheBus,
      }),
      TestService.start({
        service: 'reporting',
        configClass: ReportingConfig,
        rootModule: (config) => ReportingModule.forRoot(config),
        openApi: REPORTING_OPENAPI,
        ...onTheBus,
      }),
    ]);

    for (const person of people) {
      const created = await registration.http
        .post('/api/v1/beneficiaries')
        .set('authorization', caseWorker)
        .send(person)
        .expect(201);
      ids.push((created.body as { id: string }).id);
    }

    // A language course: six enrolled; four attend both sessions and complete, two never come.
    const course = (
      await training.http
        .post('/api/v1/courses')
        .set('authorization', coordinator)
        .send({
          title: 'Darija pour la vie quotidienne',
          kind: 'language',
          programmeCode: 'FORAS',
          organisingOrg: 'IOM',
          trainerIds: ['trainer-1'],
          languages: ['ar', 'fr'],
          regionCode: '05',
          venue: 'Maison des jeunes, Khouribga',
          capacity: 10,
          minAttendancePercent: 75,
          targetCategories: ['returning-moroccan', 'foreign-avrr'],
          startsOn: '2026-03-02',
          endsOn: '2026-04-30',
        })
        .expect(201)
    ).body as { id: string };
    const step = async (name: string, token = trainer) => {
      const current = await training.http
        .get(`/api/v1/courses/${course.id}`)
        .set('authorization', token);
      await training.http
        .post(`/api/v1/courses/${course.id}/${name}`)
        .set('authorization', token)
        .set('if-match', current.headers.etag)
        .expect(200);
    };
    await step('open', coordinator);
    const enrolments: string[] = [];
    for (const beneficiaryId of ids.slice(0, 6)) {
      // The roster fills from registration's events: retry until this person has arrived.
      let enrolmentId: string | undefined;
      await waitFor(
        async () => {
          const response = await training.http
            .post(`/api/v1/courses/${course.id}/enrolments`)
            .set('authorization', coordinator)
            .send({ beneficiaryId });
          enrolmentId = (response.body as { id?: string }).id;
          return response.status === 201;
        },
        { what: 'the person on the training roster' },
      );
      enrolments.push(enrolmentId!);
    }
    await step('start');
    for (const date of ['2026-04-06', '2026-04-07']) {
      const session = (
        await training.http
          .post(`/api/v1/courses/${course.id}/sessions`)
          .set('authorization', trainer)
          .send({ date, startTime: '09:00', endTime: '11:30' })
          .expect(201)
      ).body as { id: string };
      await training.http
        .put(`/api/v1/sessions/${session.id}/attendance`)
        .set('authorization', trainer)
        .send({
          entries: ids
            .slice(0, 6)
            .map((beneficiaryId, i) => ({ beneficiaryId, status: i < 4 ? 'present' : 'absent' })),
        })
        .expect(200);
    }
    await step('complete');
    for (const [i, overall] of [5, 2].entries()) {
      await training.http
        .post(`/api/v1/courses/${course.id}/enrolments/${enrolments[i]}/satisfaction`)
        .set('authorization', trainer)
        .send({ overall, usefulness: 4, wouldRecommend: overall > 3 })
        .expect(201);
    }

    await waitFor(
      async () =>
        (await indicator('beneficiaries-registered')).total.value === 40 &&
        (await indicator('training-completion-rate')).total.value !== null &&
        (await indicator('training-satisfaction-rate')).total.value === 0.5,
      { what: 'reporting to catch up', timeoutMs: 60_000 },
    );
  }, 180_000);

  afterAll(async () => {
    // Services on another's bus first; registration owns the namespace.
    await Promise.all([training, reintegration, referrals, reporting].map((s) => s?.stop()));
    await registration?.stop();
  });

  it('counts people by every person dimension as made by hand', async () => {
    const by = async (dimension: string) =>
      Object.fromEntries(
        (await indicator(`beneficiaries-registered?groupBy=${dimension}`)).groups.map((group) => [
          group.keys[dimension],
          group.value,
        ]),
      );
    expect(await by('sex')).toEqual({ female: 20, male: 20 });
    expect(await by('nationality')).toEqual({ MA: 37, SN: 3 });
    expect(await by('category')).toEqual({ 'foreign-avrr': 3, 'returning-moroccan': 37 });
    expect(await by('region')).toEqual({ '05': 10, '06': 10, '07': 10, '08': 10 });
    const bands = (birthYear: number) => {
      const age = year - birthYear;
      return age < 18
        ? '0-17'
        : age < 25
          ? '18-24'
          : age < 35
            ? '25-34'
            : age < 50
              ? '35-49'
              : '50+';
    };
    const expected: Record<string, number> = {};
    for (const birthYear of BIRTH_YEARS) {
      expected[bands(birthYear)] = (expected[bands(birthYear)] ?? 0) + 8;
    }
    expect(await by('ageBand')).toEqual(expected);
    expect(await by('programme')).toEqual({ FORAS: 40 });
  });

  it('measures the course: people trained, completion and satisfaction', async () => {
    expect((await indicator('people-trained')).total.value).toBe(4);
    expect((await indicator('training-completion-rate')).total.value).toBeCloseTo(4 / 6);
    expect((await indicator('training-satisfaction-rate')).total.value).toBe(0.5);
    const trained = await indicator('people-trained?groupBy=courseKind');
    expect(trained.groups.map((group) => [group.keys.courseKind, group.value])).toEqual([
      ['language', 4],
    ]);
  });

  it('hides the 3 Senegalese and their complement from an analyst, who sees aggregates only', async () => {
    const published = await indicator('beneficiaries-registered?groupBy=nationality', analyst);
    expect(
      published.groups.map((group) => [group.keys.nationality, group.value, group.suppressed]),
    ).toEqual([
      ['MA', null, true],
      ['SN', null, true],
    ]);
    expect(published.total).toEqual({ value: 40, suppressed: false });
    expect(published.suppression).toEqual({ threshold: 5, cells: 1, complementary: 1 });
    expect(JSON.stringify(published)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await registration.http.get('/api/v1/beneficiaries').set('authorization', analyst).expect(403);
  });

  it('rebuilds from the streams to the live figures', async () => {
    const db = reporting.app.get(DataSource);
    const snapshot = async () => {
      const tables: Record<string, unknown> = {};
      for (const table of FACT_TABLES) {
        if (table === 'stream_checkpoint') continue;
        tables[table] = await db.query(`SELECT * FROM ${table} ORDER BY 1`);
      }
      return tables;
    };
    const live = await snapshot();
    const figures = await indicator('beneficiaries-registered?groupBy=sex,region');
    await reporting.app.get(ReportingRebuild).rebuild();
    expect(await snapshot()).toEqual(live);
    expect(await indicator('beneficiaries-registered?groupBy=sex,region')).toEqual(figures);
  });
});
