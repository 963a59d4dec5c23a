import {
  beneficiaryClosedV1,
  beneficiaryErasedV1,
  beneficiaryMergedV1,
  beneficiaryUpdatedV1,
  uuidv7,
  type EventEnvelope,
} from '@mrm/contracts';
import { aRegisteredEvent, TestService } from '@mrm/testing';
import { DataSource } from 'typeorm';
import { BeneficiaryFactsProjector } from '../src/beneficiary-indicators/beneficiary-facts.projector';
import type { Period } from '../src/indicators/indicator-answer';
import { PERSON_DIMENSIONS, type Dimension } from '../src/indicators/indicator-catalogue';
import { IndicatorRollupRepository } from '../src/indicators/indicator-rollup.repository';
import { INDICATOR_SOURCES } from '../src/indicators/indicator-sources';
import { IndicatorRepository, type FigureFilters } from '../src/indicators/indicator.repository';
import { LIVE_TABLES } from '../src/projections/fact-tables';
import { ReportingConfig } from '../src/reporting.config';
import { ReportingModule } from '../src/reporting.module';
import { REPORTING_OPENAPI } from '../src/reporting.openapi';
import { BeneficiaryRollupRepository } from '../src/rollups/beneficiary-rollup.repository';

// Random registration histories projected into real PostgreSQL; then many random questions, each
// answered from the roll-up and from the facts: the two must agree row for row.
describe('beneficiary roll-up (e2e)', () => {
  let sut: TestService;
  let dataSource: DataSource;
  let projector: BeneficiaryFactsProjector;
  const seed = Number(process.env.ROLLUP_TEST_SEED ?? Date.now() % 100_000);
  const random = mulberry32(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const ORGS = ['IOM', 'ANAPEC', 'COOPI'];
  const PROGRAMMES = ['FORAS', 'AVRR', undefined];
  const REGIONS = ['01', '05', '06'];
  const INDICATORS = ['beneficiaries-registered', 'beneficiaries-active', 'beneficiaries-closed'];
  const events = history(400);

  function instant(fromYear: number, years: number): string {
    const start = Date.UTC(fromYear, 0, 1);
    return new Date(start + random() * years * 365.25 * 86_400_000).toISOString();
  }

  function dimensions(beneficiaryId: string) {
    return {
      beneficiaryId,
      ownerOrg: pick(ORGS),
      category: pick(['returning-moroccan', 'foreign-avrr', 'regularised-immigrant']),
      sex: pick(['female', 'male']),
      birthYear: 1955 + Math.floor(random() * 55),
      nationality: pick(['MA', 'SN', 'CI']),
      regionCode: pick(REGIONS),
      programmeCode: pick(PROGRAMMES),
    };
  }

  // Registrations, closures (some before the registration time), reopenings with new dimensions,
  // merges and erasures, in an order of their own.
  function history(people: number): EventEnvelope[] {
    const ids = Array.from({ length: people }, () => uuidv7());
    const all: EventEnvelope[] = [];
    const meta = (subject: string) => ({ subject, correlationId: uuidv7() });
    for (const beneficiaryId of ids) {
      all.push(aRegisteredEvent({ ...dimensions(beneficiaryId), registeredAt: instant(2019, 3) }));
      if (random() < 0.4) {
        all.push(
          beneficiaryClosedV1.build(
            { beneficiaryId, reason: 'other', closedAt: instant(2019, 4), version: 2 },
            meta(beneficiaryId),
          ),
        );
      }
      if (random() < 0.15) {
        all.push(
          beneficiaryUpdatedV1.build(
            {
              ...dimensions(beneficiaryId),
              status: pick(['active', 'closed']),
              version: 3,
              updatedAt: instant(2021, 1),
            },
            meta(beneficiaryId),
          ),
        );
      }
      if (random() < 0.05) {
        all.push(
          beneficiaryMergedV1.build(
            {
              beneficiaryId: pick(ids),
              mergedBeneficiaryId: beneficiaryId,
              mergedAt: instant(2021, 1),
            },
            meta(beneficiaryId),
          ),
        );
      }
      if (random() < 0.03) {
        all.push(
          beneficiaryErasedV1.build(
            { beneficiaryId, erasedAt: instant(2022, 1) },
            meta(beneficiaryId),
          ),
        );
      }
    }
    return shuffled(all);
  }

  function shuffled<T>(values: readonly T[]): T[] {
    const copy = [...values];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  async function project(all: readonly EventEnvelope[]): Promise<void> {
    for (let start = 0; start < all.length;) {
      const batch = all.slice(start, start + 1 + Math.floor(random() * 25));
      await dataSource.transaction((em) => projector.apply(em, batch));
      start += batch.length;
    }
  }

  const rollupRows = () =>
    dataSource.query<unknown[]>(
      `SELECT measure, grain, month::text, sex, age_band, nationality, category, region_code,
              programme_code, owner_org, people
         FROM beneficiary_rollup WHERE people <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`,
    );

  beforeAll(async () => {
    sut = await TestService.start({
      service: 'reporting',
      configClass: ReportingConfig,
      rootModule: (config) => ReportingModule.forRoot(config),
      openApi: REPORTING_OPENAPI,
    });
    dataSource = sut.app.get(DataSource);
    projector = sut.app.get(BeneficiaryFactsProjector);
    await project(events);
  });

  afterAll(() => sut?.stop());

  it(`answers every groupBy pair, with filters and periods, as the facts do (seed ${seed})`, async () => {
    const rollups = sut.app.get(IndicatorRollupRepository);
    const facts = sut.app.get(IndicatorRepository);
    const groupings: Dimension[][] = [
      [],
      ...PERSON_DIMENSIONS.map((dimension) => [dimension]),
      ...PERSON_DIMENSIONS.flatMap((first, index) =>
        PERSON_DIMENSIONS.slice(index + 1).map((second): Dimension[] => [first, second]),
      ),
    ];
    let answered = 0;
    for (const id of INDICATORS) {
      const source = INDICATOR_SOURCES[id];
      for (const groupBy of groupings) {
        for (let variant = 0; variant < 3; variant++) {
          const filters = randomFilters(groupBy.length);
          const period = pick<Period>(['month', 'quarter', 'year']);
          const fromRollup = await rollups.figures(source, groupBy, filters, period);
          if (fromRollup === undefined) continue;
          answered++;
          const fromFacts = await facts.figures(source, groupBy, filters, period);
          expect({ id, groupBy, filters, rows: sorted(fromRollup) }).toEqual({
            id,
            groupBy,
            filters,
            rows: sorted(fromFacts),
          });
        }
      }
    }
    // Every one- and two-way question without filters fits a grain, for all three indicators.
    expect(answered).toBeGreaterThan(3 * 37);
  });

  it('leaves a period that does not start on a month to the facts', async () => {
    const rollups = sut.app.get(IndicatorRollupRepository);
    const source = INDICATOR_SOURCES['beneficiaries-registered'];
    await expect(
      rollups.figures(source, ['sex'], { from: '2020-01-15', to: '2021-01-01' }, 'month'),
    ).resolves.toBeUndefined();
    await expect(
      rollups.figures(source, ['sex'], { from: '2020-01-01T00:00:00+01:00' }, 'month'),
    ).resolves.toBeUndefined();
    await expect(
      rollups.figures(source, ['sex', 'region'], { programme: 'FORAS' }, 'month'),
    ).resolves.toBeUndefined();
  });

  it('is left unchanged by the same events delivered again, in another order', async () => {
    const before = await rollupRows();

    await project(shuffled(events));

    expect(await rollupRows()).toEqual(before);
  });

  it('holds what a fill from the facts gives (the rebuild and the bench fill it that way)', async () => {
    await dataSource.query('CREATE TABLE rollup_check (LIKE beneficiary_rollup INCLUDING ALL)');
    await dataSource.transaction((em) =>
      sut.app
        .get(BeneficiaryRollupRepository)
        .fill(em, (table) =>
          table === 'beneficiary_rollup' ? 'rollup_check' : LIVE_TABLES(table),
        ),
    );
    const filled: unknown[] = await dataSource.query(
      `SELECT measure, grain, month::text, sex, age_band, nationality, category, region_code,
              programme_code, owner_org, people
         FROM rollup_check ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`,
    );

    expect(filled).toEqual(await rollupRows());
  });

  function randomFilters(grouped: number): FigureFilters {
    const month = () =>
      `${2019 + Math.floor(random() * 4)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-01`;
    const [a, b] = [month(), month()].sort();
    const filters: Record<string, string> = {};
    if (random() < 0.6 && a !== b) {
      if (random() < 0.8) filters.from = a;
      if (random() < 0.8) filters.to = b;
    }
    // Mostly as many filters as the grain has room for, sometimes one too many.
    const room = Math.max(0, 2 - grouped) + (random() < 0.2 ? 1 : 0);
    for (const dimension of shuffled(['programme', 'institution', 'region']).slice(0, room)) {
      if (random() < 0.5) continue;
      filters[dimension] =
        dimension === 'programme'
          ? 'FORAS'
          : dimension === 'institution'
            ? pick(ORGS)
            : pick(REGIONS);
    }
    return filters;
  }
});

function sorted(rows: ReadonlyArray<{ keys: unknown[] }>): unknown[] {
  return [...rows].sort((a, b) => JSON.stringify(a.keys).localeCompare(JSON.stringify(b.keys)));
}

// A small seeded generator, so that a failure can be replayed with ROLLUP_TEST_SEED.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
