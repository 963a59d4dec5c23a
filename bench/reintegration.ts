import { performance } from 'node:perf_hooks';
import { ManualClock, startTestService } from '@mrm/testing';
import { Clock, TimerSweeper } from '@mrm/timers';
import { DataSource } from 'typeorm';
import { ReintegrationConfig } from '../apps/reintegration/src/reintegration.config';
import { ReintegrationModule } from '../apps/reintegration/src/reintegration.module';
import { REINTEGRATION_OPENAPI } from '../apps/reintegration/src/reintegration.openapi';
import { scoreResponse } from '../apps/reintegration/src/surveys/rss-scoring';
import { readSurveyWeightsFile } from '../apps/reintegration/src/surveys/survey-weights-file';
import { SurveysService } from '../apps/reintegration/src/surveys/surveys.service';
import type { BenchResources } from './lib/substrate';

export const SCHEDULED_VISITS = 100_000;
export const DUE_DAYS = 30;
export const RESCORED_RESPONSES = 5_000;
const IDLE_SWEEPS = 50;
const SCORING_MS = 2_000;
const DAY_MS = 86_400_000;
const START = new Date('2027-01-01T00:00:00Z');

export interface ReintegrationResult {
  readonly idleSweepMs: number;
  readonly dueSweep: { readonly fired: number; readonly ms: number };
  readonly scoringPerSecond: number;
  readonly rescore: { readonly responses: number; readonly perSecond: number };
}

// 100,000 visits of one operating project, due evenly over a year, each with its timer: the
// state a year of follow-ups leaves behind.
async function seedVisits(dataSource: DataSource): Promise<void> {
  await dataSource.query(`
    INSERT INTO project (id, owner_org, kind, title, sector, region_code, commune, chain_code,
                         chain_version, status, operating_since, version, created_by, created_at,
                         updated_at)
    VALUES ('00000000-0000-7000-8000-000000000001', 'IOM', 'individual', 'Bench', 'commerce', '06',
            'Casablanca', 'simple-business', 'bench', 'operating', '2026-10-01', 1, 'bench', now(),
            now())`);
  await dataSource.query(
    `WITH v AS (
       SELECT gen_random_uuid() AS id, n, ($2::date + (n % 365))::date AS due_on
         FROM generate_series(1, $1::int) AS n),
     visits AS (
       INSERT INTO visit (id, project_id, owner_org, sequence, months_after, due_on,
                          schedule_version, version, created_at)
       SELECT id, '00000000-0000-7000-8000-000000000001', 'IOM', n, 3, due_on, 'bench', 1, now()
         FROM v)
     INSERT INTO scheduled_timer (id, kind, key, due_at, available_at, data)
     SELECT gen_random_uuid(), 'visit.due', id::text, due_on + 1, due_on + 1, '{}'::jsonb FROM v`,
    [SCHEDULED_VISITS, START.toISOString().slice(0, 10)],
  );
  await dataSource.query('ANALYZE visit; ANALYZE scheduled_timer');
}

async function seedResponses(dataSource: DataSource, answers: () => Record<string, string>) {
  const rows = Array.from({ length: RESCORED_RESPONSES }, () => JSON.stringify(answers()));
  await dataSource.query(
    `INSERT INTO survey_response (id, beneficiary_id, owner_org, wave, answered_on, answers,
                                  recorded_by, created_at)
     SELECT gen_random_uuid(), gen_random_uuid(), 'IOM', 'baseline', '2027-01-01', a::jsonb,
            'bench', now()
       FROM unnest($1::text[]) AS a`,
    [rows],
  );
}

function randomAnswers(path: string): () => Record<string, string> {
  const weights = readSurveyWeightsFile(path);
  const items = weights.dimensions.flatMap((dimension) => dimension.items);
  return () =>
    Object.fromEntries(
      items
        .filter(() => Math.random() < 0.9)
        .map((item) => {
          const options = Object.keys(weights.scales[item.scale]);
          return [item.code, options[Math.floor(Math.random() * options.length)]];
        }),
    );
}

function scoringRate(path: string): number {
  const weights = readSurveyWeightsFile(path);
  const answers = Array.from({ length: 1000 }, randomAnswers(path));
  let scored = 0;
  const started = performance.now();
  while (performance.now() - started < SCORING_MS) {
    for (const response of answers) scoreResponse(weights, response);
    scored += answers.length;
  }
  return scored / ((performance.now() - started) / 1000);
}

/**
 * Overdue-visit detection: the real sweeper and handler of the reintegration service, in this
 * process on a fresh database, over 100,000 scheduled visits; then RSS scoring, as a pure function
 * and as a rescore of stored responses (scores, outbox events) through the service.
 */
export async function reintegrationFigures(
  resources: BenchResources,
): Promise<ReintegrationResult> {
  const database = await resources.database('reintegration');
  const clock = new ManualClock(START);
  const { app } = await startTestService({
    service: 'reintegration',
    configClass: ReintegrationConfig,
    rootModule: (config) => ReintegrationModule.forRoot(config),
    openApi: REINTEGRATION_OPENAPI,
    databaseUrl: database.url,
    namespace: resources.namespace(),
    env: { TIMER_SWEEP_INTERVAL_MS: '0', TIMER_BATCH_SIZE: '500', LOG_LEVEL: 'warn' },
    overrides: [{ provide: Clock, useValue: clock }],
  });
  resources.onRelease('close the reintegration service', () => app.close());
  const dataSource = app.get(DataSource);
  const sweeper = app.get(TimerSweeper);
  await seedVisits(dataSource);

  let started = performance.now();
  for (let i = 0; i < IDLE_SWEEPS; i++) await sweeper.sweepOnce();
  const idleSweepMs = (performance.now() - started) / IDLE_SWEEPS;
  clock.set(new Date(START.getTime() + DUE_DAYS * DAY_MS));
  started = performance.now();
  const fired = await sweeper.sweepOnce();
  const dueSweep = { fired, ms: performance.now() - started };
  console.log(
    `  idle sweep over ${SCHEDULED_VISITS.toLocaleString('en-US')} visits: ${idleSweepMs.toFixed(2)} ms; ` +
      `sweep after ${DUE_DAYS} days: ${fired} overdue in ${dueSweep.ms.toFixed(0)} ms`,
  );

  const weightsFile = new ReintegrationConfig().REINTEGRATION_SURVEY_WEIGHTS_FILE;
  const scoringPerSecond = scoringRate(weightsFile);
  await seedResponses(dataSource, randomAnswers(weightsFile));
  started = performance.now();
  const { rescored } = await app.get(SurveysService).rescore();
  const rescore = {
    responses: rescored,
    perSecond: rescored / ((performance.now() - started) / 1000),
  };
  console.log(
    `  scoring: ${scoringPerSecond.toFixed(0)} responses/s in memory; rescore of ${rescored} ` +
      `stored responses: ${rescore.perSecond.toFixed(0)} responses/s`,
  );
  return { idleSweepMs, dueSweep, scoringPerSecond, rescore };
}
