import type { EventEnvelope } from '@mrm/contracts';
import { TestService } from '@mrm/testing';
import { DataSource } from 'typeorm';
import { BeneficiaryFactsProjector } from '../src/beneficiary-indicators/beneficiary-facts.projector';
import { ReferralFactsProjector } from '../src/referral-facts/referral-facts.projector';
import { TrainingFactsProjector } from '../src/training-facts/training-facts.projector';
import type { Period } from '../src/indicators/indicator-answer';
import { findIndicator, type Dimension } from '../src/indicators/indicator-catalogue';
import { IndicatorRollupRepository } from '../src/indicators/indicator-rollup.repository';
import { INDICATOR_SOURCES } from '../src/indicators/indicator-sources';
import { IndicatorRepository, type FigureFilters } from '../src/indicators/indicator.repository';
import { LIVE_TABLES } from '../src/projections/fact-tables';
import { DistinctRollupRepository } from '../src/rollups/distinct-rollup.repository';
import { PEOPLE_TRAINED, ROLLUPS } from '../src/rollups/rollup-definitions';
import { COMPACT_LOCK_KEY, RollupCompactor } from '../src/rollups/rollup-compactor';
import { RollupRepository } from '../src/rollups/rollup.repository';
import { ORGS, randomHistories, REGIONS } from './support/random-history';
import { startReporting } from './support/start-reporting';

// Random histories of registrations, enrolments and referrals projected into real PostgreSQL;
// then many random questions, each answered from a roll-up and from the facts: they must agree,
// with deltas still pending and once they are compacted.
describe('indicator roll-ups (e2e)', () => {
  let sut: TestService;
  let dataSource: DataSource;
  const seed = Number(process.env.ROLLUP_TEST_SEED ?? Date.now() % 100_000);
  const { random, pick, shuffled, history } = randomHistories(seed);
  const INDICATORS = Object.entries(INDICATOR_SOURCES)
    .filter(([, source]) => source.rollup !== undefined || source.distinctRollup !== undefined)
    .map(([id]) => id);
  const events = history(400);

  // Each projector gets every event, in random batches, as the consumers of its stream would.
  async function project(all: readonly EventEnvelope[]): Promise<void> {
    const projectors = [
      sut.app.get(BeneficiaryFactsProjector),
      sut.app.get(TrainingFactsProjector),
      sut.app.get(ReferralFactsProjector),
    ];
    for (let start = 0; start < all.length;) {
      const batch = all.slice(start, start + 1 + Math.floor(random() * 25));
      await dataSource.transaction(async (em) => {
        for (const projector of projectors) await projector.apply(em, batch);
      });
      start += batch.length;
    }
  }

  const rows = (table: string) =>
    dataSource.query<unknown[]>(`SELECT * FROM ${table} AS t ORDER BY t::text`);
  const compact = () => sut.app.get(RollupCompactor).compactOnce();
  const pendingRows = async () => {
    let count = 0;
    for (const { pending } of [...Object.values(ROLLUPS), PEOPLE_TRAINED]) {
      const [row] = await dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM ${pending}`,
      );
      count += row.n;
    }
    return count;
  };
  // The roll-ups once every pending delta is folded in.
  const rollupRows = async () => {
    await compact();
    const tables: Record<string, unknown[]> = {};
    for (const { table } of [...Object.values(ROLLUPS), PEOPLE_TRAINED]) {
      tables[table] = await rows(table);
    }
    return tables;
  };

  beforeAll(async () => {
    // Compacted by the tests themselves, at the moments they choose.
    sut = await startReporting({ REPORTING_ROLLUP_COMPACT_INTERVAL_MS: '0' });
    dataSource = sut.app.get(DataSource);
    // Half compacted, the rest (with deltas of facts already compacted) left pending.
    const half = Math.floor(events.length / 2);
    await project(events.slice(0, half));
    await compact();
    await project(events.slice(half));
  });

  afterAll(() => sut?.stop());

  it(`answers every groupBy pair, with filters and periods, as the facts do, before and after compaction (seed ${seed})`, async () => {
    expect(await pendingRows()).toBeGreaterThan(0);
    const questions = randomQuestions();
    const before = await answers(questions);

    await compact();

    expect(await pendingRows()).toBe(0);
    const after = await answers(questions);
    expect(after).toEqual(before);
    // Most questions fit a grain (those on dimensions joined at query time do not).
    expect(after.length).toBeGreaterThan(INDICATORS.length * 20);
  });

  interface Question {
    readonly id: string;
    readonly groupBy: Dimension[];
    readonly filters: FigureFilters;
    readonly period: Period;
  }

  function randomQuestions(): Question[] {
    const questions: Question[] = [];
    for (const id of INDICATORS) {
      const dimensions = findIndicator(id)!.disaggregations;
      const groupings: Dimension[][] = [
        [],
        ...dimensions.map((dimension) => [dimension]),
        ...dimensions.flatMap((first, index) =>
          dimensions.slice(index + 1).map((second): Dimension[] => [first, second]),
        ),
      ];
      for (const groupBy of groupings) {
        for (let variant = 0; variant < 3; variant++) {
          const filters = randomFilters(groupBy.length);
          const period = pick<Period>(['month', 'quarter', 'year']);
          questions.push({ id, groupBy, filters, period });
        }
      }
    }
    return questions;
  }

  // The roll-up's answer to each question it can answer, checked against the facts' answer.
  async function answers(questions: readonly Question[]): Promise<unknown[]> {
    const rollups = sut.app.get(IndicatorRollupRepository);
    const facts = sut.app.get(IndicatorRepository);
    const answered: unknown[] = [];
    for (const { id, groupBy, filters, period } of questions) {
      const source = INDICATOR_SOURCES[id];
      const fromRollup = await rollups.figures(source, groupBy, filters, period);
      if (fromRollup === undefined) continue;
      const fromFacts = await facts.figures(source, groupBy, filters, period);
      const answer = { id, groupBy, filters, rows: sorted(fromRollup) };
      expect(answer).toEqual({ id, groupBy, filters, rows: sorted(fromFacts) });
      answered.push(answer);
    }
    return answered;
  }

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
    const live = await rollupRows();

    expect(await filledFromFacts()).toEqual(live);
  });

  it('loses no delta of the transactions still open while it compacts', async () => {
    // Other people each: neither transaction waits on the other's advisory locks.
    const open = await Promise.all([history(15), history(15)].map(openTransaction));

    // Their rows are invisible to the compaction's DELETE, which neither waits for them...
    await compact();
    await Promise.all(open.map((transaction) => transaction.commit()));

    // ... nor takes them: they are folded the next time.
    expect(await pendingRows()).toBeGreaterThan(0);
    expect(await rollupRows()).toEqual(await filledFromFacts());
    expect(await pendingRows()).toBe(0);
  });

  it('skips its turn while another replica compacts', async () => {
    await project(history(5));
    const pending = await pendingRows();
    expect(pending).toBeGreaterThan(0);
    const replica = dataSource.createQueryRunner();
    await replica.connect();
    await replica.query('SELECT pg_advisory_lock($1)', [COMPACT_LOCK_KEY]);

    try {
      await expect(compact()).resolves.toBe('busy');
      expect(await pendingRows()).toBe(pending);
    } finally {
      await replica.query('SELECT pg_advisory_unlock($1)', [COMPACT_LOCK_KEY]);
      await replica.release();
    }
    await expect(compact()).resolves.toBe('done');
    expect(await pendingRows()).toBe(0);
  });

  it('loses nothing when two consumers write while compactions run', async () => {
    let writing = 2;
    const consumer = async (batch: EventEnvelope[]) => {
      await project(batch);
      writing--;
    };
    const compactions = async () => {
      let passes = 0;
      while (writing > 0 || passes === 0) {
        await compact();
        passes++;
      }
      return passes;
    };

    const [passes] = await Promise.all([
      compactions(),
      consumer(history(30)),
      consumer(history(30)),
    ]);

    expect(passes).toBeGreaterThan(0);
    expect(await rollupRows()).toEqual(await filledFromFacts());
  });

  // A transaction that has projected these events and waits to be committed.
  async function openTransaction(batch: readonly EventEnvelope[]) {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    for (const projector of [
      sut.app.get(BeneficiaryFactsProjector),
      sut.app.get(TrainingFactsProjector),
      sut.app.get(ReferralFactsProjector),
    ]) {
      await projector.apply(runner.manager, [...batch]);
    }
    return {
      commit: async () => {
        await runner.commitTransaction();
        await runner.release();
      },
    };
  }

  // Each roll-up filled afresh from the facts, into a copy.
  async function filledFromFacts(): Promise<Record<string, unknown[]>> {
    const repository = sut.app.get(RollupRepository);
    const filled: Record<string, unknown[]> = {};
    for (const rollup of Object.values(ROLLUPS)) {
      const copy = `${rollup.table}_check`;
      await dataSource.query(`DROP TABLE IF EXISTS ${copy}`);
      await dataSource.query(`CREATE TABLE ${copy} (LIKE ${rollup.table} INCLUDING ALL)`);
      await dataSource.transaction((em) =>
        repository.fill(
          em,
          (table) => (table === rollup.table ? copy : LIVE_TABLES(table)),
          rollup,
        ),
      );
      filled[rollup.table] = await rows(copy);
    }

    const copy = 'people_trained_rollup_check';
    await dataSource.query(`DROP TABLE IF EXISTS ${copy}`);
    await dataSource.query(`CREATE TABLE ${copy} (LIKE people_trained_rollup INCLUDING ALL)`);
    await dataSource.transaction((em) =>
      sut.app
        .get(DistinctRollupRepository)
        .fill(
          em,
          (table) => (table === PEOPLE_TRAINED.table ? copy : LIVE_TABLES(table)),
          PEOPLE_TRAINED,
        ),
    );
    filled[PEOPLE_TRAINED.table] = await rows(copy);
    return filled;
  }

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
