import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { signDevToken } from '@mrm/auth';
import { BusNamespace } from '@mrm/messaging';
import { ManualClock, startTestService, testNatsUrl } from '@mrm/testing';
import { Clock, TimerSweeper } from '@mrm/timers';
import { connect } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { ReferralsConfig } from '../apps/referrals/src/referrals.config';
import { ReferralsModule } from '../apps/referrals/src/referrals.module';
import { REFERRALS_OPENAPI } from '../apps/referrals/src/referrals.openapi';
import { KeepAliveClient } from './lib/http-load';
import { envInt, fmtMs, fmtRate, sleep, summarise, type LatencySummary } from './lib/stats';
import type { BenchResources } from './lib/substrate';

export const REFERRAL_CREATES = envInt('BENCH_REFERRALS_CREATES', 2_000);
export const REFERRAL_CONCURRENCY = envInt('BENCH_REFERRALS_CONCURRENCY', 8);
export const REFERRAL_LAG_RATE = envInt('BENCH_REFERRALS_LAG_RATE', 10);
export const REFERRAL_LAG_COUNT = envInt('BENCH_REFERRALS_LAG_COUNT', 300);
export const OPEN_REFERRALS = envInt('BENCH_REFERRALS_OPEN', 100_000);
export const SWEEP_DAYS = 3;
const WARMUP_CREATES = 200;
const IDLE_SWEEPS = 50;
const DAY_MS = 86_400_000;
const START = new Date('2027-01-01T08:00:00Z');
const SERVICE_ID = '00000000-0000-7000-8000-0000000000aa';
const RECEIVER = 'BENCH-NGO';

export interface ReferralsResult {
  readonly create: { readonly ok: number; readonly ratePerSecond: number; errors: number };
  readonly createLatency: LatencySummary;
  readonly lag: LatencySummary & { readonly missing: number };
  readonly idleSweepMs: number;
  readonly dueSweep: { readonly fired: number; readonly ms: number };
}

const officer = `Bearer ${signDevToken({ sub: 'bench-ro', org: 'IOM', roles: ['referral-officer'] })}`;

// A receiving institution with one service, and `count` people of the roster each with a consent
// for it: every create runs the real consent lookup and finds one.
async function seedDirectoryAndPeople(db: DataSource, count: number): Promise<string[]> {
  await db.query(
    `INSERT INTO partner (id, code, name_fr, kind) VALUES (gen_random_uuid(), $1, 'Bench', 'ngo')`,
    [RECEIVER],
  );
  await db.query(
    `INSERT INTO partner_service (id, partner_id, service_type, name, region_codes, languages)
     SELECT $1, id, 'employment', 'Bench service', '{05}', '{ar,fr}' FROM partner WHERE code = $2`,
    [SERVICE_ID, RECEIVER],
  );
  const rows: Array<{ id: string }> = await db.query(
    `WITH people AS (
       INSERT INTO roster_beneficiary (beneficiary_id, owner_org, category, sex, birth_year,
                                       nationality, region_code, version)
       SELECT gen_random_uuid(), 'IOM', 'returning-moroccan',
              CASE WHEN n % 2 = 0 THEN 'female' ELSE 'male' END, 1980 + n % 20, 'MA', '05', 1
         FROM generate_series(1, $1::int) AS n
       RETURNING beneficiary_id),
     consents AS (
       INSERT INTO consent_grant (consent_id, beneficiary_id, purposes, recipients,
                                  data_categories, granted_at, expires_at)
       SELECT gen_random_uuid(), beneficiary_id, '{registration,referral}', ARRAY[$2],
              '{identity,contact,education-skills}', $3::timestamptz - interval '1 day',
              $3::timestamptz + interval '365 days'
         FROM people)
     SELECT beneficiary_id AS id FROM people`,
    [count, RECEIVER, START.toISOString()],
  );
  return rows.map((row) => row.id);
}

// Open referrals as a year of traffic leaves them: requested, both deadline timers armed, the
// acknowledgement deadlines spread evenly over the coming year.
async function seedOpenReferrals(db: DataSource): Promise<void> {
  await db.query(
    `WITH r AS (
       SELECT gen_random_uuid() AS id, gen_random_uuid() AS beneficiary_id,
              $2::timestamptz + make_interval(days => n % 365, hours => 1) AS ack_due
         FROM generate_series(1, $1::int) AS n),
     referrals AS (
       INSERT INTO referral (id, beneficiary_id, referring_org, referring_officer, receiving_org,
                             service_id, service_type, reason, priority, consent_id,
                             data_categories, status, requested_at, acknowledgement_due_at,
                             answer_due_at, version, created_at, updated_at)
       SELECT id, beneficiary_id, 'IOM', 'bench-ro', $3, $4, 'employment', 'Bench', 'normal',
              gen_random_uuid(), '{identity}', 'requested', $2, ack_due,
              ack_due + interval '11 days', 1, $2, $2
         FROM r)
     INSERT INTO scheduled_timer (id, kind, key, due_at, available_at)
     SELECT gen_random_uuid(), kind, r.id::text, due, due
       FROM r, LATERAL (VALUES ('referral.acknowledgement-due', ack_due),
                               ('referral.answer-due', ack_due + interval '11 days')) AS t(kind, due)`,
    [OPEN_REFERRALS, START.toISOString(), RECEIVER, SERVICE_ID],
  );
  await db.query('ANALYZE referral; ANALYZE scheduled_timer');
}

/** Arrival times of `referral.requested.v1` on the bus, by referral id (the CloudEvent subject). */
async function watchRequested(namespace: string) {
  const nc = await connect({ servers: testNatsUrl() });
  const arrivals = new Map<string, number>();
  const subscription = nc.subscribe(
    new BusNamespace(namespace).subject('referrals.referral.requested.v1'),
    {
      callback: (_error, message) => {
        const id = message.headers?.get('ce-subject');
        if (id) arrivals.set(id, performance.now());
      },
    },
  );
  return {
    arrivals,
    close: async () => {
      subscription.unsubscribe();
      await nc.close();
    },
  };
}

function body(beneficiaryId: string): string {
  return JSON.stringify({
    beneficiaryId,
    serviceId: SERVICE_ID,
    reason: 'Looking for work after return',
    servicesRequested: ['job placement'],
    priority: 'normal',
    dataCategories: ['identity', 'contact'],
  });
}

async function createAll(client: KeepAliveClient, people: string[], concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const worker = async () => {
    while (next < people.length) {
      const beneficiaryId = people[next++];
      const started = performance.now();
      const response = await client.post('/api/v1/referrals', body(beneficiaryId), {
        authorization: officer,
      });
      if (response.status === 201) latencies.push(performance.now() - started);
      else {
        errors++;
        firstError ??= `${response.status} ${response.body.slice(0, 300)}`;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (firstError) console.log(`  first error: ${firstError}`);
  return { latencies, errors, elapsedMs: performance.now() - started };
}

// Paced creates: the time from each 201 to its `referral.requested.v1` on the bus.
async function lagOf(
  client: KeepAliveClient,
  people: string[],
  arrivals: Map<string, number>,
): Promise<ReferralsResult['lag']> {
  const answered = new Map<string, number>();
  const interval = 1000 / REFERRAL_LAG_RATE;
  const started = performance.now();
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < people.length; i++) {
    await sleep(Math.max(0, started + i * interval - performance.now()));
    pending.push(
      client
        .post('/api/v1/referrals', body(people[i]), { authorization: officer })
        .then((response) => {
          if (response.status === 201) {
            answered.set((JSON.parse(response.body) as { id: string }).id, performance.now());
          }
        }),
    );
  }
  await Promise.all(pending);
  const deadline = performance.now() + 10_000;
  const seen = () => [...answered.keys()].filter((id) => arrivals.has(id)).length;
  while (seen() < answered.size && performance.now() < deadline) await sleep(20);
  const lags = [...answered].flatMap(([id, at]) => {
    const arrived = arrivals.get(id);
    // The event may reach the bus before the HTTP answer reaches the client: lag 0 then.
    return arrived === undefined ? [] : [Math.max(0, arrived - at)];
  });
  return { ...summarise(lags), missing: people.length - lags.length };
}

/**
 * Referrals (issue #14), in this process like stages 6 and 7 (HTTP over a keep-alive socket):
 * creates per second with the consent check, create → `referral.requested.v1` on the bus, and the
 * deadline sweep of the real sweeper over 100,000 open referrals on a manual clock.
 */
export async function referralsFigures(resources: BenchResources): Promise<ReferralsResult> {
  const database = await resources.database('referrals');
  const namespace = resources.namespace();
  const clock = new ManualClock(START);
  const { app } = await startTestService({
    service: 'referrals',
    configClass: ReferralsConfig,
    rootModule: (config) => ReferralsModule.forRoot(config),
    openApi: REFERRALS_OPENAPI,
    databaseUrl: database.url,
    namespace,
    env: { TIMER_SWEEP_INTERVAL_MS: '0', TIMER_BATCH_SIZE: '500', LOG_LEVEL: 'warn' },
    overrides: [{ provide: Clock, useValue: clock }],
  });
  resources.onRelease('close the referrals service', () => app.close());
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const client = new KeepAliveClient(port, REFERRAL_CONCURRENCY);
  resources.onRelease('close the HTTP client', () => Promise.resolve(client.close()));
  const watcher = await watchRequested(namespace);
  resources.onRelease('close the bus watcher', watcher.close);
  const dataSource = app.get(DataSource);

  const people = await seedDirectoryAndPeople(
    dataSource,
    WARMUP_CREATES + REFERRAL_CREATES + REFERRAL_LAG_COUNT,
  );
  await createAll(client, people.slice(0, WARMUP_CREATES), REFERRAL_CONCURRENCY);
  const run = await createAll(
    client,
    people.slice(WARMUP_CREATES, WARMUP_CREATES + REFERRAL_CREATES),
    REFERRAL_CONCURRENCY,
  );
  const create = {
    ok: run.latencies.length,
    errors: run.errors,
    ratePerSecond: run.latencies.length / (run.elapsedMs / 1000),
  };
  const createLatency = summarise(run.latencies);
  console.log(
    `  ${create.ok} creates in ${(run.elapsedMs / 1000).toFixed(1)} s: ${fmtRate(create.ratePerSecond, 'req/s')}, ` +
      `p50 ${fmtMs(createLatency.p50)} / p99 ${fmtMs(createLatency.p99)}, ${create.errors} errors`,
  );
  // Let the relay drain the throughput run before the paced one is measured.
  const drainDeadline = performance.now() + 60_000;
  while (watcher.arrivals.size < create.ok + WARMUP_CREATES && performance.now() < drainDeadline) {
    await sleep(50);
  }
  const lag = await lagOf(
    client,
    people.slice(WARMUP_CREATES + REFERRAL_CREATES),
    watcher.arrivals,
  );
  console.log(
    `  201 → referral.requested.v1 on the bus at ${REFERRAL_LAG_RATE}/s: p50 ${fmtMs(lag.p50)} / ` +
      `p99 ${fmtMs(lag.p99)} (max ${fmtMs(lag.max)}), ${lag.missing} missing`,
  );

  await seedOpenReferrals(dataSource);
  const sweeper = app.get(TimerSweeper);
  let started = performance.now();
  for (let i = 0; i < IDLE_SWEEPS; i++) await sweeper.sweepOnce();
  const idleSweepMs = (performance.now() - started) / IDLE_SWEEPS;
  clock.set(new Date(START.getTime() + SWEEP_DAYS * DAY_MS));
  started = performance.now();
  const fired = await sweeper.sweepOnce();
  const dueSweep = { fired, ms: performance.now() - started };
  console.log(
    `  idle sweep over ${OPEN_REFERRALS.toLocaleString('en-US')} open referrals: ${idleSweepMs.toFixed(2)} ms; ` +
      `sweep ${SWEEP_DAYS} days later: ${fired} deadlines missed in ${dueSweep.ms.toFixed(0)} ms`,
  );
  return { create, createLatency, lag, idleSweepMs, dueSweep };
}
