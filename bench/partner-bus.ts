import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { autoAnswer } from '@mrm/partner-sdk';
import { newNamespace, syntheticRegistration } from '@mrm/testing';
import { DataSource } from 'typeorm';
import { PartnerBusPlatform, REFERRER } from '../test/platform/partner-bus.platform';
import { KeepAliveClient } from './lib/http-load';
import { envInt, fmtMs, fmtRate, sleep, summarise, type LatencySummary } from './lib/stats';
import type { BenchResources } from './lib/substrate';

export const PARTNER_REFERRALS = envInt('BENCH_PARTNER_REFERRALS', 300);
export const PARTNER_CONCURRENCY = envInt('BENCH_PARTNER_CONCURRENCY', 4);
export const PARTNER_ROUND_TRIP_RATE = envInt('BENCH_PARTNER_ROUND_TRIP_RATE', 5);
export const PARTNER_ROUND_TRIP_COUNT = envInt('BENCH_PARTNER_ROUND_TRIP_COUNT', 100);
export const PARTNER_POLL_MS = 20;
const WARMUP_REFERRALS = 20;
const SETUP_CONCURRENCY = 8;
const SETTLE_TIMEOUT_MS = 300_000;

export interface PartnerBusResult {
  readonly throughput: {
    readonly answered: number;
    readonly ratePerSecond: number;
    readonly createsMs: number;
    readonly errors: number;
  };
  readonly roundTrip: LatencySummary & { readonly missing: number };
}

/** Runs `job` over `items`, `concurrency` at a time. */
async function pooled<T, R>(items: T[], concurrency: number, job: (item: T) => Promise<R>) {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await job(items[index]);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

/** Ids among `ids` whose acceptance referrals already shows. */
async function acceptedAmong(db: DataSource, ids: string[]): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.query(
    `SELECT id FROM referral WHERE id = ANY($1::uuid[]) AND status = 'accepted'`,
    [ids],
  );
  return rows.map((row) => row.id);
}

/**
 * Partner bus (issue #15): a partner system provisioned through the real provisioning, with the
 * SDK's auto-answer desk running; registration and referrals in this process on a throw-away
 * nats-server under the generated authorization (the partner-bus tests' setup). Referrals are
 * created over HTTP; each travels referrals → registration (consent check, JWE to the partner's
 * key) → the partner's consumer → received + accepted answers → referrals.
 */
export async function partnerBusFigures(resources: BenchResources): Promise<PartnerBusResult> {
  // The streams live on the platform's own nats-server, stopped with it: no namespace to delete.
  const platform = await PartnerBusPlatform.start({
    namespace: newNamespace(),
    databaseLabel: 'bench_pbus',
    logLevel: 'warn',
  });
  resources.onRelease('stop the partner bus platform', () => platform.close());
  const partner = await platform.provision(`BENCHP${randomBytes(2).toString('hex').toUpperCase()}`);
  const db = platform.referrals.get(DataSource);
  await platform.referrals.listen(0, '127.0.0.1');
  const port = (platform.referrals.getHttpServer().address() as AddressInfo).port;
  const client = new KeepAliveClient(port, PARTNER_CONCURRENCY);
  resources.onRelease('close the HTTP client', () => Promise.resolve(client.close()));

  // People registered with a consent to the partner, known to referrals' read model.
  const total = WARMUP_REFERRALS + PARTNER_REFERRALS + PARTNER_ROUND_TRIP_COUNT;
  const setupStarted = performance.now();
  const people = await pooled(
    Array.from({ length: total }, (_, n) => n),
    SETUP_CONCURRENCY,
    async (n) => {
      // Synthetic people (distinct to the duplicate detector) with a phone and a document, so
      // the package sealed to the partner carries every consented category.
      const id = await platform.register(
        syntheticRegistration(n, {
          regionCode: '05',
          phone: `+2126${20_000_000 + n}`,
          documents: [{ type: 'CIN', number: `BP${100_000 + n}`, issuingCountry: 'MA' }],
        }),
      );
      await platform.grantConsent(id, [partner.org]);
      return id;
    },
  );
  await platform.consentsKnown(people, SETTLE_TIMEOUT_MS);
  console.log(
    `  ${total} people registered with a consent to ${partner.org} in ` +
      `${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
  );

  const desk = await platform.partnerClient(partner);
  const stop = new AbortController();
  const answering = autoAnswer(desk, { signal: stop.signal });
  resources.onRelease('stop the auto-answer desk', async () => {
    stop.abort();
    await answering.catch(() => undefined);
  });

  let errors = 0;
  let firstError: string | undefined;
  const create = async (beneficiaryId: string): Promise<string | undefined> => {
    const response = await client.post(
      '/api/v1/referrals',
      JSON.stringify(PartnerBusPlatform.referralBody(beneficiaryId, partner.serviceId)),
      { authorization: REFERRER },
    );
    if (response.status === 201) return (JSON.parse(response.body) as { id: string }).id;
    errors++;
    firstError ??= `${response.status} ${response.body.slice(0, 300)}`;
    return undefined;
  };
  const settle = async (ids: string[]) => {
    const deadline = performance.now() + SETTLE_TIMEOUT_MS;
    while (performance.now() < deadline) {
      if ((await acceptedAmong(db, ids)).length === ids.length) return;
      await sleep(50);
    }
    throw new Error(`${ids.length} referrals not all accepted within ${SETTLE_TIMEOUT_MS} ms`);
  };

  // Warm-up: first fetches, first JWE, prepared statements.
  const warmup = (
    await pooled(people.slice(0, WARMUP_REFERRALS), PARTNER_CONCURRENCY, create)
  ).filter((id): id is string => id !== undefined);
  await settle(warmup);

  errors = 0;
  // Throughput: from the first create to the last acceptance visible in referrals' database.
  const batch = people.slice(WARMUP_REFERRALS, WARMUP_REFERRALS + PARTNER_REFERRALS);
  const started = performance.now();
  const created = (await pooled(batch, PARTNER_CONCURRENCY, create)).filter(
    (id): id is string => id !== undefined,
  );
  const createsMs = performance.now() - started;
  await settle(created);
  const elapsedMs = performance.now() - started;
  const throughput = {
    answered: created.length,
    ratePerSecond: created.length / (elapsedMs / 1000),
    createsMs,
    errors,
  };
  if (firstError) console.log(`  first error: ${firstError}`);
  console.log(
    `  ${created.length} referrals created in ${(createsMs / 1000).toFixed(1)} s, all delivered and ` +
      `accepted after ${(elapsedMs / 1000).toFixed(1)} s: ${fmtRate(throughput.ratePerSecond, 'referrals/s')}, ` +
      `${errors} errors`,
  );

  // Round trip, paced: from sending the POST to the acceptance visible in referrals' database.
  const sentAt = new Map<string, number>();
  const seenAt = new Map<string, number>();
  let pacing = true;
  let gaveUp = false;
  const poller = (async () => {
    while (!gaveUp && (pacing || seenAt.size < sentAt.size)) {
      const pending = [...sentAt.keys()].filter((id) => !seenAt.has(id));
      if (pending.length > 0) {
        const now = performance.now();
        for (const id of await acceptedAmong(db, pending)) seenAt.set(id, now);
      }
      await sleep(PARTNER_POLL_MS);
    }
  })();
  const paced = people.slice(WARMUP_REFERRALS + PARTNER_REFERRALS);
  const interval = 1000 / PARTNER_ROUND_TRIP_RATE;
  const pacedStart = performance.now();
  const sends: Array<Promise<void>> = [];
  for (let i = 0; i < paced.length; i++) {
    await sleep(Math.max(0, pacedStart + i * interval - performance.now()));
    const sent = performance.now();
    sends.push(
      create(paced[i]).then((id) => {
        if (id) sentAt.set(id, sent);
      }),
    );
  }
  await Promise.all(sends);
  pacing = false;
  await Promise.race([poller, sleep(60_000)]);
  gaveUp = true;
  await poller;
  const trips = [...sentAt].flatMap(([id, sent]) => {
    const seen = seenAt.get(id);
    return seen === undefined ? [] : [seen - sent];
  });
  const roundTrip = { ...summarise(trips), missing: paced.length - trips.length };
  console.log(
    `  create → acceptance visible at ${PARTNER_ROUND_TRIP_RATE}/s (polled every ${PARTNER_POLL_MS} ms): ` +
      `p50 ${fmtMs(roundTrip.p50)} / p99 ${fmtMs(roundTrip.p99)} (max ${fmtMs(roundTrip.max)}), ` +
      `${roundTrip.missing} missing`,
  );
  return { throughput, roundTrip };
}
