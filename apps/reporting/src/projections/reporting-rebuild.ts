import { Injectable, Logger } from '@nestjs/common';
import type { EventDefinition, EventEnvelope, Producer } from '@mrm/contracts';
import { JetStreamConnection, streamOf } from '@mrm/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import {
  BENEFICIARY_FACT_EVENTS,
  BeneficiaryFactsProjector,
} from '../beneficiary-indicators/beneficiary-facts.projector';
import { REBUILD_BATCH_SIZE } from '../beneficiary-indicators/beneficiary-facts.rebuild';
import {
  REFERRAL_FACT_EVENTS,
  ReferralFactsProjector,
} from '../referral-facts/referral-facts.projector';
import {
  REINTEGRATION_FACT_EVENTS,
  ReintegrationFactsProjector,
} from '../reintegration-facts/reintegration-facts.projector';
import {
  TRAINING_FACT_EVENTS,
  TrainingFactsProjector,
} from '../training-facts/training-facts.projector';
import { DistinctRollupRepository } from '../rollups/distinct-rollup.repository';
import { PEOPLE_TRAINED, ROLLUPS } from '../rollups/rollup-definitions';
import { RollupRepository } from '../rollups/rollup.repository';
import { REBUILT_TABLES, type ProjectionOptions, type TableNames } from './fact-tables';
import { StreamCheckpoints } from './stream-checkpoints';
import { replayStream, type ReplayResult } from './stream-replayer';

interface Source {
  readonly producer: Producer;
  readonly events: ReadonlyArray<EventDefinition<unknown>>;
  readonly projector: {
    apply(
      em: EntityManager,
      events: EventEnvelope[],
      tables: TableNames,
      options: ProjectionOptions,
    ): Promise<void>;
  };
}

export type RebuildProgress = (stream: string, done: number, total: number) => void;

// The rebuild's own copies; a run that died leaves them behind and the next run starts afresh.
const REBUILD_TABLES: TableNames = (table) => `${table}_rebuild`;

/**
 * Rebuilds every fact table from the source streams without stopping the service: each stream is
 * replayed into fresh copies of the tables while the live consumers keep writing to (and the API
 * keeps reading) the live ones; then, in one transaction that holds the live tables against
 * writes, the events that arrived meanwhile are replayed too and the copies take the live tables'
 * names. The roll-ups are filled from the copied facts once the replay is done; the catch-up's
 * deltas go to the copies' pending tables, swapped in with the rest and compacted later. Running
 * it twice gives the same tables.
 */
@Injectable()
export class ReportingRebuild {
  private readonly logger = new Logger(ReportingRebuild.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: JetStreamConnection,
    beneficiaries: BeneficiaryFactsProjector,
    training: TrainingFactsProjector,
    reintegration: ReintegrationFactsProjector,
    referrals: ReferralFactsProjector,
    private readonly checkpoints: StreamCheckpoints,
    private readonly rollups: RollupRepository,
    private readonly distinctRollups: DistinctRollupRepository,
  ) {
    this.sources = [
      { producer: 'registration', events: BENEFICIARY_FACT_EVENTS, projector: beneficiaries },
      { producer: 'training', events: TRAINING_FACT_EVENTS, projector: training },
      { producer: 'reintegration', events: REINTEGRATION_FACT_EVENTS, projector: reintegration },
      { producer: 'referrals', events: REFERRAL_FACT_EVENTS, projector: referrals },
    ];
  }

  private readonly sources: readonly Source[];

  async rebuild(onProgress?: RebuildProgress): Promise<Record<string, ReplayResult>> {
    await this.connection.ready();
    await this.dataSource.transaction(async (em) => {
      for (const table of REBUILT_TABLES) {
        await em.query(`DROP TABLE IF EXISTS ${REBUILD_TABLES(table)}`);
        await em.query(
          `CREATE TABLE ${REBUILD_TABLES(table)} (LIKE ${table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`,
        );
      }
    });
    const results: Record<string, ReplayResult> = {};
    for (const source of this.sources) {
      results[streamOf(source.producer)] = await this.replay(
        undefined,
        source,
        undefined,
        onProgress,
      );
    }
    // The catch-up in the swap appends its deltas to the pending copies from there on.
    for (const rollup of Object.values(ROLLUPS)) {
      await this.dataSource.transaction((em) => this.rollups.fill(em, REBUILD_TABLES, rollup));
    }
    await this.dataSource.transaction((em) =>
      this.distinctRollups.fill(em, REBUILD_TABLES, PEOPLE_TRAINED),
    );
    await this.swap(results);
    return results;
  }

  private replay(
    em: EntityManager | undefined,
    source: Source,
    startSequence: number | undefined,
    onProgress?: RebuildProgress,
  ): Promise<ReplayResult> {
    const stream = streamOf(source.producer);
    return replayStream({
      js: this.connection.js,
      jsm: this.connection.jsm,
      stream: this.connection.namespace.stream(stream),
      batchSize: REBUILD_BATCH_SIZE,
      startSequence,
      types: new Set(source.events.map((definition) => definition.type)),
      // Outside the swap, each batch commits on its own: the copies are nobody else's yet.
      onBatch: (events, last) =>
        em
          ? this.applyBatch(em, source, events, last, true)
          : this.dataSource.transaction((batchEm) =>
              this.applyBatch(batchEm, source, events, last, false),
            ),
      onProgress: onProgress && ((done, total) => onProgress(stream, done, total)),
    });
  }

  private async applyBatch(
    em: EntityManager,
    source: Source,
    events: EventEnvelope[],
    last: { sequence: number; time: string | undefined },
    catchingUp: boolean,
  ): Promise<void> {
    await source.projector.apply(em, events, REBUILD_TABLES, {
      maintainRollups: catchingUp,
    });
    if (last.time !== undefined) {
      const newest = events.reduce(
        (max, event) => (event.time > max ? event.time : max),
        last.time,
      );
      await this.checkpoints.record(
        em,
        streamOf(source.producer),
        last.sequence,
        newest,
        REBUILD_TABLES,
      );
    }
  }

  /** Catches up on what arrived during the replay, then swaps the copies in, all in one transaction. */
  private async swap(results: Record<string, ReplayResult>): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      // Facts, roll-ups, checkpoints: the order the live consumers write in, so no deadlock.
      await em.query(`LOCK TABLE ${REBUILT_TABLES.join(', ')} IN EXCLUSIVE MODE`);
      for (const source of this.sources) {
        const done = results[streamOf(source.producer)];
        const caughtUp = await this.replay(em, source, done.untilSequence + 1);
        if (caughtUp.read > 0) {
          this.logger.log(`${streamOf(source.producer)}: ${caughtUp.read} events during rebuild`);
        }
      }
      for (const table of REBUILT_TABLES) {
        await em.query(`ALTER TABLE ${table} RENAME TO ${table}_old`);
        await em.query(`ALTER TABLE ${REBUILD_TABLES(table)} RENAME TO ${table}`);
        await em.query(`DROP TABLE ${table}_old`);
        // The copies' indexes keep their generated names; give them back the usual ones.
        const indexes: Array<{ name: string }> = await em.query(
          `SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1`,
          [table],
        );
        for (const { name } of indexes) {
          if (name.includes('_rebuild')) {
            await em.query(`ALTER INDEX "${name}" RENAME TO "${name.replace('_rebuild', '')}"`);
          }
        }
      }
    });
  }
}
