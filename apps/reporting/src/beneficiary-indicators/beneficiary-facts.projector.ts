import { Injectable } from '@nestjs/common';
import {
  beneficiaryClosedV1,
  beneficiaryErasedV1,
  beneficiaryMergedV1,
  beneficiaryRegisteredV1,
  beneficiaryUpdatedV1,
  type BeneficiaryClosedV1,
  type BeneficiaryErasedV1,
  type BeneficiaryMergedV1,
  type BeneficiaryRegisteredV1,
  type BeneficiaryUpdatedV1,
  type EventEnvelope,
} from '@mrm/contracts';
import type { EntityManager } from 'typeorm';
import { LIVE_TABLES, type ProjectionOptions, type TableNames } from '../projections/fact-tables';
import { ROLLUPS } from '../rollups/rollup-definitions';
import { RollupRepository } from '../rollups/rollup.repository';

type DimensionsEvent = BeneficiaryRegisteredV1 | BeneficiaryUpdatedV1;

/** Registration events that shape the beneficiary facts; the live consumer and the rebuild share them. */
export const BENEFICIARY_FACT_EVENTS = [
  beneficiaryRegisteredV1,
  beneficiaryUpdatedV1,
  beneficiaryClosedV1,
  beneficiaryMergedV1,
  beneficiaryErasedV1,
];

/**
 * Applies registration events to `beneficiary_fact`, in batches, and the change they make to
 * `beneficiary_rollup`. The result does not depend on delivery order: dimensions only move
 * forward by aggregate version; merge and erasure are sticky.
 */
@Injectable()
export class BeneficiaryFactsProjector {
  constructor(private readonly rollups: RollupRepository) {}

  async apply(
    em: EntityManager,
    events: ReadonlyArray<EventEnvelope>,
    tables: TableNames = LIVE_TABLES,
    options: ProjectionOptions = { maintainRollups: true },
  ): Promise<void> {
    const ids = options.maintainRollups ? beneficiariesOf(events) : [];
    await this.rollups.tracking(em, tables, ROLLUPS.beneficiaries, ids, () =>
      this.applyFacts(em, events, tables),
    );
  }

  private async applyFacts(
    em: EntityManager,
    events: ReadonlyArray<EventEnvelope>,
    tables: TableNames,
  ): Promise<void> {
    // Folded per beneficiary as the per-event rules would leave it, so that each kind is one
    // statement (one statement cannot update a row twice).
    const dimensions = new Map<string, EventEnvelope<DimensionsEvent>>();
    const closures = new Map<string, BeneficiaryClosedV1>();
    const merges = new Map<string, BeneficiaryMergedV1>();
    const erasures = new Map<string, BeneficiaryErasedV1>();
    for (const event of events) {
      switch (event.type) {
        case beneficiaryRegisteredV1.type:
        case beneficiaryUpdatedV1.type:
          this.keepLatest(dimensions, event as EventEnvelope<DimensionsEvent>);
          break;
        case beneficiaryClosedV1.type: {
          // The highest version wins, as the version guard applies closures one by one.
          const closure = event.data as BeneficiaryClosedV1;
          const kept = closures.get(closure.beneficiaryId);
          if (!kept || kept.version < closure.version) closures.set(closure.beneficiaryId, closure);
          break;
        }
        case beneficiaryMergedV1.type: {
          const merge = event.data as BeneficiaryMergedV1;
          merges.set(merge.mergedBeneficiaryId, merge);
          break;
        }
        case beneficiaryErasedV1.type: {
          const erasure = event.data as BeneficiaryErasedV1;
          erasures.set(erasure.beneficiaryId, erasure);
          break;
        }
        default:
          break;
      }
    }
    await this.applyClosed(em, tables, [...closures.values()]);
    await this.applyMerged(em, tables, [...merges.values()]);
    await this.applyErased(em, tables, [...erasures.values()]);
    await this.upsertDimensions(em, tables, [...dimensions.values()]);
  }

  // One statement cannot update a row twice, so a batch keeps each beneficiary's highest version.
  private keepLatest(
    latest: Map<string, EventEnvelope<DimensionsEvent>>,
    event: EventEnvelope<DimensionsEvent>,
  ): void {
    const current = latest.get(event.data.beneficiaryId);
    if (current === undefined) {
      // The common case in a rebuild (one event per beneficiary per batch): kept as it is, no copy.
      latest.set(event.data.beneficiaryId, event);
      return;
    }
    const merged = current.data.version >= event.data.version ? current : event;
    // The first registration time known for the beneficiary, from either event.
    const currentAt = (current.data as BeneficiaryRegisteredV1).registeredAt;
    const registeredAt =
      currentAt !== undefined ? currentAt : (event.data as BeneficiaryRegisteredV1).registeredAt;
    latest.set(
      event.data.beneficiaryId,
      registeredAt && (merged.data as BeneficiaryRegisteredV1).registeredAt !== registeredAt
        ? { ...merged, data: { ...merged.data, registeredAt } }
        : merged,
    );
  }

  private async upsertDimensions(
    em: EntityManager,
    tables: TableNames,
    events: Array<EventEnvelope<DimensionsEvent>>,
  ): Promise<void> {
    if (events.length === 0) return;
    const column = <K extends keyof BeneficiaryRegisteredV1>(key: K) =>
      events.map((event) => (event.data as BeneficiaryRegisteredV1)[key] ?? null);
    await em.query(
      `INSERT INTO ${tables('beneficiary_fact')} AS fact
         (beneficiary_id, owner_org, category, sex, birth_year, nationality, region_code, programme_code,
          registered_at, version, status, status_version)
       SELECT id, org, cat, sex, year, nat, region, prog, at, v, status,
              CASE WHEN status IS NULL THEN 0 ELSE v END
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[],
                     $8::text[], $9::timestamptz[], $10::int[], $11::text[])
           AS input(id, org, cat, sex, year, nat, region, prog, at, v, status)
       ON CONFLICT (beneficiary_id) DO UPDATE SET
         -- Status moves by version like the dimensions, but against the closure events too; closed_at
         -- is the latest closure's time while the status is closed, and nothing once reopened.
         closed_at = CASE WHEN (CASE WHEN fact.status_version < EXCLUDED.status_version
                                     THEN EXCLUDED.status ELSE fact.status END) = 'closed'
                          THEN fact.closure_at END,
         status = CASE WHEN fact.status_version < EXCLUDED.status_version
                       THEN EXCLUDED.status ELSE fact.status END,
         status_version = greatest(fact.status_version, EXCLUDED.status_version),
         owner_org = CASE WHEN fact.version < EXCLUDED.version THEN EXCLUDED.owner_org ELSE fact.owner_org END,
         category = CASE WHEN fact.version < EXCLUDED.version THEN EXCLUDED.category ELSE fact.category END,
         sex = CASE WHEN fact.version < EXCLUDED.version THEN EXCLUDED.sex ELSE fact.sex END,
         birth_year = CASE WHEN fact.version < EXCLUDED.version THEN EXCLUDED.birth_year ELSE fact.birth_year END,
         nationality = CASE WHEN fact.version < EXCLUDED.version THEN EXCLUDED.nationality ELSE fact.nationality END,
         region_code = CASE WHEN fact.version < EXCLUDED.version THEN EXCLUDED.region_code ELSE fact.region_code END,
         programme_code = CASE WHEN fact.version < EXCLUDED.version THEN EXCLUDED.programme_code ELSE fact.programme_code END,
         registered_at = coalesce(fact.registered_at, EXCLUDED.registered_at),
         version = greatest(fact.version, EXCLUDED.version)`,
      [
        column('beneficiaryId'),
        column('ownerOrg'),
        column('category'),
        column('sex'),
        column('birthYear'),
        column('nationality'),
        column('regionCode'),
        column('programmeCode'),
        column('registeredAt'),
        column('version'),
        column('status'),
      ],
    );
  }

  private async applyClosed(
    em: EntityManager,
    tables: TableNames,
    closures: readonly BeneficiaryClosedV1[],
  ): Promise<void> {
    if (closures.length === 0) return;
    // The latest closure is kept whatever the status; it shows as closed_at while the status (a
    // closure or a newer update, by version) is closed. An older closure changes nothing.
    await em.query(
      `INSERT INTO ${tables('beneficiary_fact')} AS fact
         (beneficiary_id, closed_at, closure_at, closure_version, status, status_version, version)
       SELECT id, at, at, v, 'closed', v, 0
         FROM unnest($1::uuid[], $2::timestamptz[], $3::int[]) AS input(id, at, v)
       ON CONFLICT (beneficiary_id) DO UPDATE SET
         closed_at = CASE WHEN (CASE WHEN fact.status_version < EXCLUDED.status_version
                                     THEN 'closed' ELSE fact.status END) = 'closed'
                          THEN (CASE WHEN fact.closure_version < EXCLUDED.closure_version
                                     THEN EXCLUDED.closure_at ELSE fact.closure_at END) END,
         closure_at = CASE WHEN fact.closure_version < EXCLUDED.closure_version
                           THEN EXCLUDED.closure_at ELSE fact.closure_at END,
         closure_version = greatest(fact.closure_version, EXCLUDED.closure_version),
         status = CASE WHEN fact.status_version < EXCLUDED.status_version
                       THEN 'closed' ELSE fact.status END,
         status_version = greatest(fact.status_version, EXCLUDED.status_version)`,
      [
        closures.map((closure) => closure.beneficiaryId),
        closures.map((closure) => closure.closedAt),
        closures.map((closure) => closure.version),
      ],
    );
  }

  private async applyMerged(
    em: EntityManager,
    tables: TableNames,
    merges: readonly BeneficiaryMergedV1[],
  ): Promise<void> {
    if (merges.length === 0) return;
    await em.query(
      `INSERT INTO ${tables('beneficiary_fact')} (beneficiary_id, merged_into, version)
       SELECT id, survivor, 0 FROM unnest($1::uuid[], $2::uuid[]) AS input(id, survivor)
       ON CONFLICT (beneficiary_id) DO UPDATE SET merged_into = EXCLUDED.merged_into`,
      [
        merges.map((merge) => merge.mergedBeneficiaryId),
        merges.map((merge) => merge.beneficiaryId),
      ],
    );
  }

  private async applyErased(
    em: EntityManager,
    tables: TableNames,
    erasures: readonly BeneficiaryErasedV1[],
  ): Promise<void> {
    if (erasures.length === 0) return;
    // Reporting holds no personal data; the statistical dimensions survive erasure by design.
    await em.query(
      `INSERT INTO ${tables('beneficiary_fact')} (beneficiary_id, erased_at, version)
       SELECT id, at, 0 FROM unnest($1::uuid[], $2::timestamptz[]) AS input(id, at)
       ON CONFLICT (beneficiary_id) DO UPDATE SET erased_at = EXCLUDED.erased_at`,
      [
        erasures.map((erasure) => erasure.beneficiaryId),
        erasures.map((erasure) => erasure.erasedAt),
      ],
    );
  }
}

/** The beneficiary rows a batch can change (a merge changes the duplicate's). */
function beneficiariesOf(events: ReadonlyArray<EventEnvelope>): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    switch (event.type) {
      case beneficiaryRegisteredV1.type:
      case beneficiaryUpdatedV1.type:
      case beneficiaryClosedV1.type:
      case beneficiaryErasedV1.type:
        ids.add((event.data as { beneficiaryId: string }).beneficiaryId);
        break;
      case beneficiaryMergedV1.type:
        ids.add((event.data as BeneficiaryMergedV1).mergedBeneficiaryId);
        break;
      default:
        break;
    }
  }
  return [...ids];
}
