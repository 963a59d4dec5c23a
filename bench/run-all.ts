import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { connect } from '@nats-io/transport-node';
import { Client } from 'pg';
import { endToEndLag, LAG_RATE, POLL_INTERVAL_MS, type EndToEndLagResult } from './end-to-end-lag';
import { rebuildRate, PUBLISH_WINDOW, REBUILD_EVENTS, type RebuildResult } from './rebuild';
import {
  CONCURRENCY,
  REPLICAS,
  RAW_POOL_SIZE,
  registrationThroughput,
  type RegistrationThroughputResult,
} from './registration-throughput';
import {
  REGISTRY_CONCURRENCY,
  REGISTRY_SIZE,
  registryFigures,
  SEARCH_KINDS,
  type RegistryResult,
} from './registry';
import { reintegrationFigures, SCHEDULED_VISITS, type ReintegrationResult } from './reintegration';
import {
  OPEN_REFERRALS,
  REFERRAL_CONCURRENCY,
  REFERRAL_LAG_RATE,
  referralsFigures,
  type ReferralsResult,
} from './referrals';
import {
  INDICATOR_BENEFICIARIES,
  INDICATOR_EVENTS,
  INDICATOR_P99_TARGET_MS,
  indicatorFigures,
  type IndicatorResult,
} from './indicators';
import {
  PARTNER_CONCURRENCY,
  PARTNER_POLL_MS,
  PARTNER_REFERRALS,
  PARTNER_ROUND_TRIP_RATE,
  partnerBusFigures,
  type PartnerBusResult,
} from './partner-bus';
import {
  REPORTING_REBUILD_EVENTS,
  reportingRebuildRate,
  type ReportingRebuildResult,
} from './reporting-rebuild';
import { SERVICE_LOG_LEVEL } from './lib/service-process';
import {
  COMPLETION_ENROLMENTS,
  SHEET_CONCURRENCY,
  trainingFigures,
  type TrainingResult,
} from './training';
import { fmtMs, fmtRate, fmtRatio, table, verdict } from './lib/stats';
import {
  noFigures,
  partnerBusRows,
  REBUILD_TARGET,
  referralsRows,
  reintegrationRows,
  reportingRebuildRow,
  Skipped,
} from './summary-rows';
import { BenchResources } from './lib/substrate';

// `npm run bench`: measures the platform beside raw-substrate ceilings; prints, never asserts.

const THROUGHPUT_TARGET = 0.5;
const LAG_P99_TARGET_MS = 1000;

let current: BenchResources | undefined;

// BENCH_ONLY=1,3 runs a subset (development); the default runs everything.
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);

async function stage<T>(
  number: string,
  title: string,
  run: (resources: BenchResources) => Promise<T>,
): Promise<T | Error> {
  if (ONLY.length > 0 && !ONLY.includes(number)) return new Skipped();
  console.log(`\n== ${title}`);
  const resources = new BenchResources();
  current = resources;
  const started = performance.now();
  try {
    return await run(resources);
  } catch (error) {
    console.error(`  FAILED: ${(error as Error).stack ?? String(error)}`);
    return error as Error;
  } finally {
    await resources.release();
    current = undefined;
    console.log(
      `  (stage took ${((performance.now() - started) / 1000).toFixed(1)} s, resources released; ` +
        `1-min load average ${loadavg()[0].toFixed(2)})`,
    );
  }
}

async function describeEnvironment(resources: BenchResources): Promise<void> {
  const pg = new Client({ connectionString: resources.databaseServerUrl });
  await pg.connect();
  const setting = async (name: string) =>
    (await pg.query<Record<string, string>>(`SHOW ${name}`)).rows[0][name];
  const pgVersion = (await pg.query<{ v: string }>('SELECT version() AS v')).rows[0].v.split(
    ' on ',
  )[0];
  const pgSettings = `synchronous_commit=${await setting('synchronous_commit')}, fsync=${await setting('fsync')}, shared_buffers=${await setting('shared_buffers')}`;
  await pg.end();
  const nc = await connect({ servers: resources.natsUrl });
  const natsVersion = nc.info?.version ?? '?';
  await nc.close();
  console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}`);
  console.log(`${pgVersion} (${pgSettings}) at ${new URL(resources.databaseServerUrl).host}`);
  console.log(`nats-server ${natsVersion} at ${resources.natsUrl}`);
  console.log(
    `load average before the run: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `services: separate processes (node dist/apps/<svc>/src/main.js, LOG_LEVEL=${SERVICE_LOG_LEVEL}); ` +
      'load generator, pollers and raw ceilings in this process',
  );
}

function summary(
  throughput: RegistrationThroughputResult | Error,
  lag: EndToEndLagResult | Error,
  rebuild: RebuildResult | Error,
  registry: RegistryResult | Error,
  training: TrainingResult | Error,
  reintegration: ReintegrationResult | Error,
  referrals: ReferralsResult | Error,
  partnerBus: PartnerBusResult | Error,
  indicators: IndicatorResult | Error,
  reportingRebuild: ReportingRebuildResult | Error,
): string {
  const rows: string[][] = [];
  if (throughput instanceof Error) {
    rows.push(noFigures('1. Registration POST throughput', throughput, `≥ ${THROUGHPUT_TARGET}`));
  } else {
    const { api, raw, rawLiteral } = throughput;
    const ratio = api.ratePerSecond / raw.ratePerSecond;
    rows.push([
      `1. Registration POST throughput (c=${CONCURRENCY}${REPLICAS > 1 ? `, ${REPLICAS} replicas` : ''})`,
      fmtRate(api.ratePerSecond, 'req/s'),
      `${fmtRate(raw.ratePerSecond, 'tx/s')} (same tx)`,
      fmtRatio(ratio),
      `≥ ${THROUGHPUT_TARGET}`,
      verdict(ratio >= THROUGHPUT_TARGET && api.errors === 0 && raw.errors === 0),
    ]);
    rows.push([
      '   latency p50 / p99',
      `${fmtMs(api.latency.p50)} / ${fmtMs(api.latency.p99)}`,
      `${fmtMs(raw.latency.p50)} / ${fmtMs(raw.latency.p99)}`,
      '—',
      '',
      '—',
    ]);
    rows.push([
      '   vs issue #2 literal ceiling (row + outbox)',
      fmtRate(api.ratePerSecond, 'req/s'),
      `${fmtRate(rawLiteral.ratePerSecond, 'tx/s')} (row + outbox)`,
      fmtRatio(api.ratePerSecond / rawLiteral.ratePerSecond),
      '(reference)',
      '—',
    ]);
  }
  if (lag instanceof Error) {
    rows.push(noFigures('2. End-to-end lag 201 → fact', lag, `p99 < ${LAG_P99_TARGET_MS} ms`));
  } else {
    const result = lag;
    rows.push([
      `2. End-to-end lag 201 → fact (${LAG_RATE}/s)`,
      `p50 ${fmtMs(result.lag.p50)} / p99 ${fmtMs(result.lag.p99)}`,
      '—',
      '—',
      `p99 < ${LAG_P99_TARGET_MS} ms`,
      verdict(
        result.lag.p99 < LAG_P99_TARGET_MS &&
          result.missing === 0 &&
          result.errors === 0 &&
          result.skipped === 0,
      ),
    ]);
    rows.push([
      `   API latency at ${LAG_RATE}/s p50 / p99`,
      `${fmtMs(result.api.p50)} / ${fmtMs(result.api.p99)}`,
      '—',
      '—',
      '',
      '—',
    ]);
  }
  if (rebuild instanceof Error) {
    rows.push(noFigures('3. Projection rebuild', rebuild, `≥ ${REBUILD_TARGET}`));
    rows.push([...noFigures('4. JetStream publish (context)', rebuild, '—').slice(0, 5), '—']);
  } else {
    const result = rebuild;
    const ratio = result.rebuild.ratePerSecond / result.raw.ratePerSecond;
    rows.push([
      `3. Projection rebuild (${REBUILD_EVENTS.toLocaleString('en-US')} events)`,
      fmtRate(result.rebuild.ratePerSecond, 'events/s'),
      fmtRate(result.raw.ratePerSecond, 'events/s'),
      fmtRatio(ratio),
      `≥ ${REBUILD_TARGET}`,
      verdict(ratio >= REBUILD_TARGET && result.rebuild.rows === REBUILD_EVENTS),
    ]);
    rows.push([
      `4. JetStream publish (window ${PUBLISH_WINDOW}, context)`,
      fmtRate(result.publish.ratePerSecond, 'msgs/s'),
      '—',
      '—',
      '—',
      '—',
    ]);
  }
  const size = REGISTRY_SIZE.toLocaleString('en-US');
  if (registry instanceof Error) {
    rows.push([...noFigures(`5. Create with ${size} loaded`, registry, '—').slice(0, 5), '—']);
  } else {
    const { create, search } = registry;
    rows.push([
      `5. Create with ${size} loaded (c=${REGISTRY_CONCURRENCY})`,
      fmtRate(create.ratePerSecond, 'req/s'),
      '—',
      '—',
      '(issue #3)',
      create.errors === 0 ? '—' : 'FAIL',
    ]);
    rows.push([
      '   latency p50 / p99',
      `${fmtMs(create.latency.p50)} / ${fmtMs(create.latency.p99)}`,
      '—',
      '—',
      '',
      '—',
    ]);
    for (const kind of SEARCH_KINDS) {
      rows.push([
        `   search by ${kind} p50 / p99 (c=1)`,
        `${fmtMs(search[kind].latency.p50)} / ${fmtMs(search[kind].latency.p99)}`,
        '—',
        '—',
        '(issue #3)',
        search[kind].errors === 0 ? '—' : 'FAIL',
      ]);
    }
  }
  if (training instanceof Error) {
    rows.push([...noFigures('6. Attendance sheets of 30', training, '—').slice(0, 5), '—']);
  } else {
    rows.push([
      `6. Attendance sheets of 30 (c=${SHEET_CONCURRENCY}, issue #12)`,
      fmtRate(training.sheetsPerSecond, 'sheets/s'),
      '—',
      '—',
      '(no target)',
      '—',
    ]);
    rows.push([
      `   complete a course of ${COMPLETION_ENROLMENTS} enrolments`,
      fmtMs(training.completeMs),
      '—',
      '—',
      '(no target)',
      '—',
    ]);
  }
  rows.push(...reintegrationRows(reintegration));
  rows.push(...referralsRows(referrals));
  rows.push(...partnerBusRows(partnerBus));
  rows.push(indicatorRow(indicators));
  rows.push(reportingRebuildRow(reportingRebuild));
  return table(['Figure', 'Measured', 'Raw ceiling', 'Ratio', 'Target', 'Result'], rows);
}

function indicatorRow(result: IndicatorResult | Error): string[] {
  const figure = `10. Indicator queries, ${INDICATOR_BENEFICIARIES.toLocaleString('en-US')} people, ${INDICATOR_EVENTS.toLocaleString('en-US')} events`;
  const target = `p99 < ${INDICATOR_P99_TARGET_MS} ms`;
  if (result instanceof Error) return noFigures(figure, result, target);
  return [
    figure,
    `p50 ${fmtMs(result.latency.p50)}, p99 ${fmtMs(result.latency.p99)}`,
    '—',
    '—',
    target,
    verdict(result.latency.p99 < INDICATOR_P99_TARGET_MS),
  ];
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log('MRM benchmarks');
  await describeEnvironment(new BenchResources());

  const throughput = await stage(
    '1',
    `1. Registration API throughput: POST /api/v1/beneficiaries, ${CONCURRENCY} concurrent keep-alive requests ` +
      `vs raw pg transactions (Pool of ${RAW_POOL_SIZE})`,
    registrationThroughput,
  );
  const lag = await stage(
    '2',
    `2. End-to-end lag: 201 from registration → fact in reporting's database, ${LAG_RATE} registrations/s, ` +
      `polled every ${POLL_INTERVAL_MS} ms`,
    endToEndLag,
  );
  const rebuild = await stage(
    '3',
    `3./4. JetStream publish of ${REBUILD_EVENTS.toLocaleString('en-US')} events, then projection rebuild ` +
      'vs raw consume-and-upsert',
    rebuildRate,
  );

  const registry = await stage(
    '5',
    `5. Registry of ${REGISTRY_SIZE.toLocaleString('en-US')} beneficiaries (issue #3): create throughput, ` +
      `${REGISTRY_CONCURRENCY} concurrent, and search latency by document, phone and name`,
    registryFigures,
  );

  const training = await stage(
    '6',
    `6. Training (issue #12): attendance sheets of 30 people recorded per second, ${SHEET_CONCURRENCY} concurrent, ` +
      `and the time to complete a course of ${COMPLETION_ENROLMENTS} enrolments`,
    trainingFigures,
  );
  const reintegration = await stage(
    '7',
    `7. Reintegration (issue #13): overdue-visit detection over ${SCHEDULED_VISITS.toLocaleString('en-US')} ` +
      'scheduled visits (time per sweep), RSS survey scoring per second',
    reintegrationFigures,
  );
  const referrals = await stage(
    '8',
    `8. Referrals (issue #14): creates per second with the consent check, ${REFERRAL_CONCURRENCY} concurrent; ` +
      `201 → referral.requested on the bus at ${REFERRAL_LAG_RATE}/s; deadline sweep over ` +
      `${OPEN_REFERRALS.toLocaleString('en-US')} open referrals`,
    referralsFigures,
  );

  const partnerBus = await stage(
    '9',
    `9. Partner bus (issue #15): ${PARTNER_REFERRALS} referrals, ${PARTNER_CONCURRENCY} concurrent creates, ` +
      'delivered encrypted to an auto-answering partner (SDK desk) and accepted over the bus; ' +
      `create → acceptance visible at ${PARTNER_ROUND_TRIP_RATE}/s, polled every ${PARTNER_POLL_MS} ms`,
    partnerBusFigures,
  );

  const indicators = await stage(
    '10',
    `10. Indicator query latency over the facts of ${INDICATOR_BENEFICIARIES.toLocaleString('en-US')} ` +
      `beneficiaries and ${INDICATOR_EVENTS.toLocaleString('en-US')} events (issue #16)`,
    indicatorFigures,
  );

  const reportingRebuild = await stage(
    '11',
    `11. Full reporting rebuild (rebuild:reporting) of ${REPORTING_REBUILD_EVENTS.toLocaleString('en-US')} ` +
      'events of registration, training, reintegration and referrals vs raw consume-and-insert (issue #16)',
    reportingRebuildRate,
  );

  console.log(
    `\n== Summary (load average now: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}; ` + `total ${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
  console.log(
    summary(
      throughput,
      lag,
      rebuild,
      registry,
      training,
      reintegration,
      referrals,
      partnerBus,
      indicators,
      reportingRebuild,
    ),
  );
  console.log(
    'Ratios compare the platform with the bare substrate on the same 2-core machine; see bench/README.md.',
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void (current?.release() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
