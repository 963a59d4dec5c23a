import { performance } from 'node:perf_hooks';
import { bearer, startTestService } from '@mrm/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ReportingConfig } from '../apps/reporting/src/reporting.config';
import { ReportingModule } from '../apps/reporting/src/reporting.module';
import { LIVE_TABLES } from '../apps/reporting/src/projections/fact-tables';
import { REPORTING_OPENAPI } from '../apps/reporting/src/reporting.openapi';
import { DistinctRollupRepository } from '../apps/reporting/src/rollups/distinct-rollup.repository';
import { PEOPLE_TRAINED, ROLLUPS } from '../apps/reporting/src/rollups/rollup-definitions';
import { RollupRepository } from '../apps/reporting/src/rollups/rollup.repository';
import { envInt, summarise, type LatencySummary } from './lib/stats';
import type { BenchResources } from './lib/substrate';

export const INDICATOR_BENEFICIARIES = envInt('BENCH_INDICATOR_BENEFICIARIES', 1_000_000);
// Events behind the facts: each enrolment is created then completed (2 events), each referral
// requested, received, accepted and completed (4 events); half the events each.
export const INDICATOR_EVENTS = envInt('BENCH_INDICATOR_EVENTS', 2_000_000);
const QUERIES_PER_KIND = envInt('BENCH_INDICATOR_QUERIES', 40);
export const INDICATOR_P99_TARGET_MS = 200;

/** The questions timed: one- and two-way, counts, shares and medians, exact and suppressed. */
export const INDICATOR_QUERIES: ReadonlyArray<{ path: string; analyst: boolean }> = [
  { path: 'beneficiaries-registered?groupBy=sex,region', analyst: false },
  { path: 'beneficiaries-registered?groupBy=ageBand&from=2020-01-01&to=2026-01-01', analyst: true },
  { path: 'beneficiaries-active?groupBy=category', analyst: true },
  { path: 'people-trained?groupBy=courseKind,sex', analyst: true },
  { path: 'training-completion-rate?groupBy=region', analyst: false },
  { path: 'referrals?groupBy=serviceType,status', analyst: true },
  { path: 'referral-median-days-to-answer?groupBy=partner', analyst: false },
  { path: 'referrals-answered-within-deadline?groupBy=period&period=quarter', analyst: true },
];

export interface IndicatorResult {
  readonly beneficiaries: number;
  readonly events: number;
  readonly seedSeconds: number;
  readonly rollupSeconds: number;
  readonly latency: LatencySummary;
  readonly slowest: { readonly path: string; readonly p99: number };
}

/**
 * Seeds the fact tables (and their roll-ups) the way years of projected events leave them, with set-based SQL
 * (generate_series): the bench's own repository, not the projectors, whose rate stage 3 measures.
 */
class IndicatorBenchRepository {
  constructor(private readonly dataSource: DataSource) {}

  async seed(beneficiaries: number, events: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO beneficiary_fact (beneficiary_id, owner_org, category, sex, birth_year,
         nationality, region_code, programme_code, registered_at, closed_at, version, status,
         status_version)
       SELECT gen_random_uuid(),
              (ARRAY['IOM','ENTRAIDE-NAT','ANAPEC','COOPI','AMAPPE'])[1 + n % 5],
              (ARRAY['returning-moroccan','foreign-avrr','regularised-immigrant','moroccan-abroad',
                     'labour-migration-candidate'])[1 + n % 5],
              CASE WHEN n % 2 = 0 THEN 'female' ELSE 'male' END,
              1950 + n % 60,
              (ARRAY['MA','SN','CI','GN','ML','CM','NG'])[1 + n % 7],
              lpad((1 + n % 12)::text, 2, '0'),
              (ARRAY['FORAS','MOTUSE','AVRR','THAMM'])[1 + n % 4],
              timestamptz '2016-01-01' + (n % 3650) * interval '1 day',
              CASE WHEN n % 4 = 0 THEN timestamptz '2017-01-01' + (n % 3285) * interval '1 day' END,
              1, CASE WHEN n % 4 = 0 THEN 'closed' ELSE 'active' END, 1
         FROM generate_series(1, $1::int) AS n`,
      [beneficiaries],
    );
    const enrolments = Math.floor(events / 4);
    await this.dataSource.query(
      `INSERT INTO enrolment_fact (enrolment_id, beneficiary_id, course_id, course_kind,
         programme_code, organising_org, region_code, category, sex, birth_year, outcome, ended_at)
       SELECT gen_random_uuid(), NULL, gen_random_uuid(),
              (ARRAY['language','vocational-training','personal-development','entrepreneurship-marketing'])[1 + n % 4],
              (ARRAY['FORAS','MOTUSE','AVRR','THAMM'])[1 + n % 4],
              (ARRAY['IOM','ENTRAIDE-NAT','ANAPEC'])[1 + n % 3],
              lpad((1 + n % 12)::text, 2, '0'),
              (ARRAY['returning-moroccan','foreign-avrr','regularised-immigrant'])[1 + n % 3],
              CASE WHEN n % 3 = 0 THEN 'male' ELSE 'female' END,
              1960 + n % 45,
              CASE WHEN n % 5 = 0 THEN 'not-completed' ELSE 'completed' END,
              timestamptz '2016-02-01' + (n % 3600) * interval '1 day'
         FROM generate_series(1, $1::int) AS n`,
      [enrolments],
    );
    const referrals = Math.floor(events / 8);
    await this.dataSource.query(
      `INSERT INTO referral_fact (referral_id, beneficiary_id, referring_org, receiving_org,
         service_type, priority, status, version, requested_at, seconds_to_acknowledge,
         seconds_to_answer, answered_within_deadline, outcome_reported, accepted, escalated_at)
       SELECT gen_random_uuid(), b.beneficiary_id, b.owner_org,
              (ARRAY['ANAPEC','OFPPT','FMPS','AMAPPE','CARITAS'])[1 + n % 5],
              (ARRAY['employment','vocational-training','health','legal-aid','housing'])[1 + n % 5],
              'normal', (ARRAY['completed','rejected','requested','accepted'])[1 + n % 4], 4,
              b.registered_at + interval '10 days', 3600 * (1 + n % 96), 7200 * (1 + n % 96),
              n % 3 <> 0, n % 4 = 0, n % 4 IN (0, 3),
              CASE WHEN n % 10 = 0 THEN b.registered_at + interval '13 days' END
         FROM (SELECT beneficiary_id, owner_org, registered_at,
                      row_number() OVER () AS n
                 FROM beneficiary_fact LIMIT $1) AS b`,
      [referrals],
    );
    await this.dataSource.query('ANALYZE beneficiary_fact, enrolment_fact, referral_fact');
  }

  /** The roll-ups, filled from the seeded facts as the rebuild fills them; their row counts. */
  async fillRollups(): Promise<string> {
    for (const rollup of Object.values(ROLLUPS)) {
      await this.dataSource.transaction((em) =>
        new RollupRepository().fill(em, LIVE_TABLES, rollup),
      );
    }
    await this.dataSource.transaction((em) =>
      new DistinctRollupRepository().fill(em, LIVE_TABLES, PEOPLE_TRAINED),
    );
    await this.dataSource.query(
      'ANALYZE beneficiary_rollup, enrolment_rollup, people_trained_rollup, referral_rollup',
    );
    const tables = [...Object.values(ROLLUPS), PEOPLE_TRAINED].map(({ table }) => table);
    const counts: Array<{ count: string }> = await this.dataSource.query(
      tables.map((table) => `SELECT count(*) FROM ${table}`).join(' UNION ALL '),
    );
    return tables
      .map((table, index) => `${table} ${Number(counts[index].count).toLocaleString('en-US')}`)
      .join(', ');
  }
}

/**
 * Indicator query latency over ten years of national volume: reporting in this process on a fresh
 * database seeded with the facts of 1,000,000 beneficiaries and 2,000,000 events; every question of
 * INDICATOR_QUERIES asked QUERIES_PER_KIND times, one at a time, through the HTTP stack.
 */
export async function indicatorFigures(resources: BenchResources): Promise<IndicatorResult> {
  const database = await resources.database('indicators');
  const { app } = await startTestService({
    service: 'reporting',
    configClass: ReportingConfig,
    rootModule: (config) => ReportingModule.forRoot(config),
    openApi: REPORTING_OPENAPI,
    databaseUrl: database.url,
    namespace: resources.namespace(),
    // Seeding a million rows in one statement outlasts the default 60 s on a loaded machine.
    // The seed fills the roll-ups from the facts: nothing is pending, no compactor runs.
    env: {
      LOG_LEVEL: 'warn',
      DATABASE_STATEMENT_TIMEOUT_MS: '900000',
      REPORTING_ROLLUP_COMPACT_INTERVAL_MS: '0',
    },
  });
  resources.onRelease('close the reporting service', () => app.close());
  const seeding = new IndicatorBenchRepository(app.get(DataSource));
  let started = performance.now();
  await seeding.seed(INDICATOR_BENEFICIARIES, INDICATOR_EVENTS);
  const seedSeconds = (performance.now() - started) / 1000;
  console.log(
    `  seeded ${INDICATOR_BENEFICIARIES.toLocaleString('en-US')} beneficiaries and the facts of ` +
      `${INDICATOR_EVENTS.toLocaleString('en-US')} events in ${seedSeconds.toFixed(0)} s`,
  );
  started = performance.now();
  const rollupRows = await seeding.fillRollups();
  const rollupSeconds = (performance.now() - started) / 1000;
  console.log(`  filled the roll-ups in ${rollupSeconds.toFixed(0)} s (rows: ${rollupRows})`);
  const http = request(app.getHttpServer());
  const coordinator = bearer('MINISTRY', ['coordinator']);
  const analyst = bearer('MINISTRY', ['analyst']);
  const all: number[] = [];
  let slowest = { path: '', p99: 0 };
  for (const query of INDICATOR_QUERIES) {
    const times: number[] = [];
    for (let i = 0; i < QUERIES_PER_KIND; i++) {
      started = performance.now();
      const response = await http
        .get(`/api/v1/indicators/${query.path}`)
        .set('authorization', query.analyst ? analyst : coordinator);
      times.push(performance.now() - started);
      if (response.status !== 200) {
        throw new Error(`${query.path} answered ${response.status}: ${response.text}`);
      }
    }
    const summary = summarise(times);
    const explained = await explainAnalyze(app.get(DataSource), () =>
      http
        .get(`/api/v1/indicators/${query.path}`)
        .set('authorization', query.analyst ? analyst : coordinator)
        .then(() => undefined),
    );
    console.log(
      `  ${query.path}${query.analyst ? ' (analyst, suppressed)' : ''}: p50 ${summary.p50.toFixed(1)} ms, p99 ${summary.p99.toFixed(1)} ms` +
        ` (EXPLAIN ANALYZE of its figures: ${explained.map((ms) => `${ms.toFixed(1)} ms`).join(' + ')})`,
    );
    if (summary.p99 > slowest.p99) slowest = { path: query.path, p99: summary.p99 };
    all.push(...times);
  }
  return {
    beneficiaries: INDICATOR_BENEFICIARIES,
    events: INDICATOR_EVENTS,
    seedSeconds,
    rollupSeconds,
    latency: summarise(all),
    slowest,
  };
}

/**
 * Execution times (EXPLAIN ANALYZE, server side) of the statements that read figures while `ask`
 * runs: the freshness read and the month-boundary check are left out. Load on the shared machine
 * stretches the end-to-end times; these show what the plans themselves cost.
 */
async function explainAnalyze(dataSource: DataSource, ask: () => Promise<void>): Promise<number[]> {
  const statements: Array<{ sql: string; params?: unknown[] }> = [];
  const query = dataSource.query.bind(dataSource);
  // Every argument passes through: a transaction's statements name their query runner.
  dataSource.query = ((sql: string, params?: unknown[], ...rest: unknown[]) => {
    statements.push({ sql, params });
    return (query as (...args: unknown[]) => Promise<unknown>)(sql, params, ...rest);
  }) as DataSource['query'];
  try {
    await ask();
  } finally {
    dataSource.query = query;
  }
  const times: number[] = [];
  for (const { sql, params } of statements) {
    if (sql.includes('stream_checkpoint') || sql.includes("date_trunc('month', t, 'UTC')")) {
      continue;
    }
    const [{ 'QUERY PLAN': plan }]: Array<{ 'QUERY PLAN': Array<{ 'Execution Time': number }> }> =
      await query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
    times.push(plan[0]['Execution Time']);
  }
  return times;
}
