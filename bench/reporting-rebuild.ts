import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import {
  beneficiaryRegisteredV1,
  enrolmentCreatedV1,
  NATS_MSG_ID_HEADER,
  planApprovedV1,
  projectCreatedV1,
  projectDisbursementPaidV1,
  referralRequestedV1,
  satisfactionRecordedV1,
  surveyScoredV1,
  toBinaryHeaders,
  visitScheduledV1,
  type Producer,
} from '@mrm/contracts';
import { BusNamespace, JetStreamConnection, streamConfigFor, streamOf } from '@mrm/messaging';
import { loadConfig, migrateService } from '@mrm/runtime';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, headers as natsHeaders } from '@nats-io/transport-node';
import { Client } from 'pg';
import { REBUILD_BATCH_SIZE } from '../apps/reporting/src/beneficiary-indicators/beneficiary-facts.rebuild';
import { REPORTING_ENTITIES, REPORTING_MIGRATIONS } from '../apps/reporting/src/database/schema';
import { ReportingRebuild } from '../apps/reporting/src/projections/reporting-rebuild';
import { ReportingConfig } from '../apps/reporting/src/reporting.config';
import { ReportingModule } from '../apps/reporting/src/reporting.module';
import { consumeRaw } from './lib/raw-consume';
import { ReportingEventMix } from './lib/reporting-event-mix';
import { ReportingRebuildBenchRepository } from './lib/reporting-rebuild.repository';
import { envInt, fmtRate } from './lib/stats';
import type { BenchResources } from './lib/substrate';
import { PUBLISH_WINDOW } from './rebuild';

export const REPORTING_REBUILD_EVENTS = envInt('BENCH_REPORTING_REBUILD_EVENTS', 2_000_000);
// One attempt each by default: at 2,000,000 events one rebuild takes minutes, and the stage 3
// practice of keeping the best of two would double that.
const ATTEMPTS = envInt('BENCH_REPORTING_REBUILD_ATTEMPTS', 1);

/** The streams reporting consumes, in the order the rebuild replays them. */
const SOURCE_PRODUCERS: readonly Producer[] = [
  'registration',
  'training',
  'reintegration',
  'referrals',
];

/** The event whose every occurrence adds one row to a fact table (the first of its story). */
const ROW_CREATING_TYPES = {
  beneficiary_fact: beneficiaryRegisteredV1.type,
  enrolment_fact: enrolmentCreatedV1.type,
  satisfaction_fact: satisfactionRecordedV1.type,
  plan_fact: planApprovedV1.type,
  project_fact: projectCreatedV1.type,
  disbursement_fact: projectDisbursementPaidV1.type,
  visit_fact: visitScheduledV1.type,
  survey_fact: surveyScoredV1.type,
  referral_fact: referralRequestedV1.type,
};

export interface ReportingRebuildResult {
  readonly publish: {
    readonly messages: number;
    readonly seconds: number;
    readonly ratePerSecond: number;
    readonly byType: ReadonlyMap<string, number>;
  };
  readonly rebuild: {
    readonly read: number;
    readonly invalid: number;
    readonly seconds: number;
    readonly ratePerSecond: number;
    /** Tables whose row count is not the number of rows the events create. */
    readonly wrongTables: readonly string[];
  };
  readonly raw: {
    readonly read: number;
    readonly seconds: number;
    readonly ratePerSecond: number;
  };
}

/**
 * 11. Publishes REPORTING_REBUILD_EVENTS events of ten years of every service reporting consumes
 * into a fresh namespace's four streams, then times `ReportingRebuild.rebuild()` (what
 * `npm run rebuild:reporting` runs: fresh tables, replay, swap) against a bare consume that
 * decodes every message and inserts one minimal row per event.
 */
export async function reportingRebuildRate(
  resources: BenchResources,
): Promise<ReportingRebuildResult> {
  const namespace = resources.namespace();
  const bus = new BusNamespace(namespace);
  const nc = await connect({ servers: resources.natsUrl, name: 'mrm-bench' });
  resources.onRelease('close NATS connection', () => nc.close());
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  for (const producer of SOURCE_PRODUCERS) {
    await jsm.streams.add(
      streamConfigFor(bus, streamOf(producer), producer, { replicas: 1, maxAgeDays: 3650 }),
    );
  }

  // --- the events, built and published as the outbox relays would (binary CloudEvents, msgID)
  const byType = new Map<string, number>();
  const events = new ReportingEventMix(REPORTING_REBUILD_EVENTS).events();
  const reportEvery = Math.max(100_000, Math.ceil(REPORTING_REBUILD_EVENTS / 4));
  let published = 0;
  const publishStart = performance.now();
  await Promise.all(
    Array.from({ length: PUBLISH_WINDOW }, async () => {
      for (let next = events.next(); !next.done; next = events.next()) {
        const { definition, data, subject, at } = next.value;
        const envelope = definition.build(data, {
          subject,
          correlationId: randomUUID(),
          time: new Date(at),
        });
        const headers = natsHeaders();
        for (const [name, value] of Object.entries(toBinaryHeaders(envelope))) {
          if (name !== NATS_MSG_ID_HEADER) headers.set(name, value);
        }
        byType.set(definition.type, (byType.get(definition.type) ?? 0) + 1);
        await js.publish(bus.subject(definition.subject), JSON.stringify(envelope.data), {
          msgID: envelope.id,
          headers,
          timeout: 30_000,
        });
        published += 1;
        if (published % reportEvery === 0) {
          console.log(
            `  … ${published.toLocaleString('en-US')} published (${((performance.now() - publishStart) / 1000).toFixed(0)} s)`,
          );
        }
      }
    }),
  );
  const publishSeconds = (performance.now() - publishStart) / 1000;
  let messages = 0;
  const perStream: string[] = [];
  for (const producer of SOURCE_PRODUCERS) {
    const held = (await jsm.streams.info(bus.stream(streamOf(producer)))).state.messages;
    messages += held;
    perStream.push(`${streamOf(producer)} ${held.toLocaleString('en-US')}`);
  }
  const publish = {
    messages,
    seconds: publishSeconds,
    ratePerSecond: published / publishSeconds,
    byType,
  };
  console.log(
    `  published ${published.toLocaleString('en-US')} events in ${publishSeconds.toFixed(1)} s: ` +
      `${fmtRate(publish.ratePerSecond, 'msgs/s')} (streams hold ${perStream.join(', ')})`,
  );
  console.log(
    `  by type: ${[...byType]
      .sort((a, b) => b[1] - a[1])
      .map(([type, count]) => `${type} ${count.toLocaleString('en-US')}`)
      .join(', ')}`,
  );

  // --- reporting's database, migrated like the service's own, and the ceiling's table in it
  const reportingDb = await resources.database('reporting_rebuild');
  await migrateService({
    service: 'reporting',
    url: reportingDb.url,
    entities: REPORTING_ENTITIES,
    migrations: REPORTING_MIGRATIONS,
  });
  const sql = new Client({ connectionString: reportingDb.url });
  await sql.connect();
  resources.onRelease('close reporting client', () => sql.end());
  const repository = new ReportingRebuildBenchRepository(sql);
  await repository.createRawTable();

  const config = loadConfig(ReportingConfig, 'reporting', {
    NODE_ENV: 'development',
    DATABASE_URL: reportingDb.url,
    NATS_URL: resources.natsUrl,
    NATS_NAMESPACE: namespace,
    HTTP_PORT: '0',
    LOG_LEVEL: 'warn',
  });
  // The reporting module in this process, as the CLI boots it: no HTTP server and no live
  // consumer, so nothing else writes to the facts meanwhile.
  const app = await NestFactory.createApplicationContext(ReportingModule.forRoot(config), {
    logger: ['error'],
    abortOnError: false,
  });
  let raw: ReportingRebuildResult['raw'] | undefined;
  let rebuild: ReportingRebuildResult['rebuild'] | undefined;
  try {
    await app.get(JetStreamConnection).ready();
    const rebuilder = app.get(ReportingRebuild);
    // Raw first, as in stage 3: if anything, it meets the colder NATS client.
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      const rawStart = performance.now();
      const rawCpu = process.cpuUsage();
      await repository.clearRawTable();
      let rawRead = 0;
      for (const producer of SOURCE_PRODUCERS) {
        const { read } = await consumeRaw({
          js,
          jsm,
          stream: bus.stream(streamOf(producer)),
          batchSize: REBUILD_BATCH_SIZE,
          write: (batch) => repository.insertRaw(batch),
        });
        rawRead += read;
      }
      const rawSeconds = (performance.now() - rawStart) / 1000;
      const rawCpuSeconds = cpuSecondsSince(rawCpu);
      const rawRows = await repository.countRows('raw_event');
      console.log(
        `  raw consume + insert #${attempt}: read ${rawRead.toLocaleString('en-US')} in ${rawSeconds.toFixed(1)} s: ` +
          `${fmtRate(rawRead / rawSeconds, 'events/s')} (${rawRows.toLocaleString('en-US')} rows; ` +
          `${rawCpuSeconds.toFixed(1)} s CPU in this process)`,
      );
      if (rawRows !== rawRead) throw new Error(`raw ceiling wrote ${rawRows} rows for ${rawRead}`);
      if (!raw || rawRead / rawSeconds > raw.ratePerSecond) {
        raw = { read: rawRead, seconds: rawSeconds, ratePerSecond: rawRead / rawSeconds };
      }

      const streamDone = new Map<string, number>();
      const rebuildStart = performance.now();
      const rebuildCpu = process.cpuUsage();
      let replaying: string | undefined;
      const results = await rebuilder.rebuild((stream, done) => {
        // The replayer reports the events read so far after each batch written, so a stream may
        // report them all more than once: its last report is when its last batch was written.
        // A line per stream replayed, so that a run stopped early still tells how far it got.
        if (replaying !== undefined && stream !== replaying) {
          console.log(
            `  … ${replaying} replayed by ` +
              `${(((streamDone.get(replaying) ?? rebuildStart) - rebuildStart) / 1000).toFixed(1)} s`,
          );
        }
        replaying = stream;
        if (done > 0) streamDone.set(stream, performance.now());
      });
      const rebuildEnd = performance.now();
      const seconds = (rebuildEnd - rebuildStart) / 1000;
      const rebuildCpuSeconds = cpuSecondsSince(rebuildCpu);
      const read = Object.values(results).reduce((sum, result) => sum + result.read, 0);
      const invalid = Object.values(results).reduce((sum, result) => sum + result.invalid, 0);
      let previous = rebuildStart;
      const streams = Object.entries(results).map(([stream, result]) => {
        const ended = streamDone.get(stream) ?? previous;
        const part = `${stream} ${result.read.toLocaleString('en-US')} in ${((ended - previous) / 1000).toFixed(1)} s`;
        previous = ended;
        return part;
      });
      const wrongTables = await checkRows(repository, byType);
      console.log(
        `  ReportingRebuild.rebuild() #${attempt}: read ${read.toLocaleString('en-US')}, invalid ${invalid} ` +
          `in ${seconds.toFixed(1)} s: ${fmtRate(read / seconds, 'events/s')} ` +
          `(${streams.join(', ')}; swap ${((rebuildEnd - previous) / 1000).toFixed(1)} s; ` +
          `${rebuildCpuSeconds.toFixed(1)} s CPU in this process)` +
          (wrongTables.length > 0
            ? `; WRONG ROW COUNTS: ${wrongTables.join(', ')}`
            : '; row counts as expected'),
      );
      if (!rebuild || read / seconds > rebuild.ratePerSecond) {
        rebuild = { read, invalid, seconds, ratePerSecond: read / seconds, wrongTables };
      }
    }
  } finally {
    await app.close();
  }
  return { publish, rebuild: rebuild!, raw: raw! };
}

/** CPU seconds (user + system) this process spent since `start`; PostgreSQL's are not counted. */
function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/** The tables whose row count differs from the rows the published events create. */
async function checkRows(
  repository: ReportingRebuildBenchRepository,
  byType: ReadonlyMap<string, number>,
): Promise<string[]> {
  const wrong: string[] = [];
  for (const [table, type] of Object.entries(ROW_CREATING_TYPES)) {
    const expected = byType.get(type) ?? 0;
    const rows = await repository.countRows(table);
    if (rows !== expected) wrong.push(`${table} ${rows} (expected ${expected})`);
  }
  const checkpoints = await repository.countRows('stream_checkpoint');
  if (checkpoints !== SOURCE_PRODUCERS.length) {
    wrong.push(`stream_checkpoint ${checkpoints} (expected ${SOURCE_PRODUCERS.length})`);
  }
  return wrong;
}
