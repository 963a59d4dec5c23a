import { Injectable } from '@nestjs/common';
import {
  referralAcceptedV1,
  referralBusinessStatusChangedV1,
  referralCancelledV1,
  referralCompletedV1,
  referralFailedV1,
  referralOverdueV1,
  referralReceivedV1,
  referralRedirectedV1,
  referralRejectedV1,
  referralRequestedV1,
  referralStartedV1,
  referralSuspendedV1,
  type EventEnvelope,
  type ReferralFactsV1,
  type ReferralOverdueV1,
} from '@mrm/contracts';
import type { EntityManager } from 'typeorm';
import { LIVE_TABLES, type ProjectionOptions, type TableNames } from '../projections/fact-tables';
import { ROLLUPS } from '../rollups/rollup-definitions';
import { RollupRepository } from '../rollups/rollup.repository';
import { ReferralFactsRepository, type ReferralFactRow } from './referral-facts.repository';

/** Referral events: every one carries the referral's facts so far (ReferralFactsV1). */
export const REFERRAL_FACT_EVENTS = [
  referralRequestedV1,
  referralReceivedV1,
  referralAcceptedV1,
  referralRejectedV1,
  referralRedirectedV1,
  referralStartedV1,
  referralCompletedV1,
  referralFailedV1,
  referralCancelledV1,
  referralSuspendedV1,
  referralBusinessStatusChangedV1,
  referralOverdueV1,
];

// Statuses only reachable through an acceptance.
const ACCEPTED_STATUSES = new Set(['accepted', 'in-progress', 'completed', 'failed']);

/**
 * Applies referral events to `referral_fact` (and their difference to `referral_rollup`). Status
 * and facts follow the highest referral version; the measures, once known, are never lost to an
 * older event; "was accepted" and the first escalation are sticky. Same rows whatever the
 * delivery order. A batch is folded into one row per referral by those rules, then written in
 * one statement.
 */
@Injectable()
export class ReferralFactsProjector {
  constructor(
    private readonly rollups: RollupRepository,
    private readonly facts: ReferralFactsRepository,
  ) {}

  async apply(
    em: EntityManager,
    events: ReadonlyArray<EventEnvelope>,
    tables: TableNames = LIVE_TABLES,
    options: ProjectionOptions = { maintainRollups: true },
  ): Promise<void> {
    const projected = events.filter((event) =>
      REFERRAL_FACT_EVENTS.some((definition) => definition.type === event.type),
    );
    const ids = options.maintainRollups
      ? [...new Set(projected.map((event) => (event.data as ReferralFactsV1).referralId))]
      : [];
    await this.rollups.tracking(em, tables, ROLLUPS.referrals, ids, () =>
      this.applyFacts(em, projected, tables),
    );
  }

  private async applyFacts(
    em: EntityManager,
    events: ReadonlyArray<EventEnvelope>,
    tables: TableNames,
  ): Promise<void> {
    const referrals = new Map<string, ReferralFactRow>();
    for (const event of events) {
      const escalatedAt =
        event.type === referralOverdueV1.type ? (event.data as ReferralOverdueV1).occurredAt : null;
      fold(referrals, event.data as ReferralFactsV1, escalatedAt);
    }
    await this.facts.upsert(em, tables, [...referrals.values()]);
  }
}

/** Adds an event to its referral's row by the rules of the upsert, as applying it alone would. */
function fold(
  referrals: Map<string, ReferralFactRow>,
  data: ReferralFactsV1,
  escalatedAt: string | null,
): void {
  const referral = referrals.get(data.referralId);
  if (referral === undefined) {
    referrals.set(data.referralId, {
      referralId: data.referralId,
      beneficiaryId: data.beneficiaryId,
      referringOrg: data.referringOrg,
      receivingOrg: data.receivingOrg,
      serviceType: data.serviceType,
      priority: data.priority,
      status: data.status,
      version: data.version,
      requestedAt: data.requestedAt ?? null,
      secondsToAcknowledge: data.secondsToAcknowledge ?? null,
      secondsToAnswer: data.secondsToAnswer ?? null,
      answeredWithinDeadline: data.answeredWithinDeadline ?? null,
      outcomeReported: data.outcomeReported,
      accepted: ACCEPTED_STATUSES.has(data.status),
      escalatedAt,
    });
    return;
  }
  // An equal version changes nothing: the first event holding it was applied first.
  if (referral.version < data.version) {
    referral.receivingOrg = data.receivingOrg;
    referral.serviceType = data.serviceType;
    referral.priority = data.priority;
    referral.status = data.status;
    referral.version = data.version;
  }
  referral.requestedAt ??= data.requestedAt ?? null;
  referral.secondsToAcknowledge ??= data.secondsToAcknowledge ?? null;
  referral.secondsToAnswer ??= data.secondsToAnswer ?? null;
  referral.answeredWithinDeadline ??= data.answeredWithinDeadline ?? null;
  referral.outcomeReported ||= data.outcomeReported;
  referral.accepted ||= ACCEPTED_STATUSES.has(data.status);
  referral.escalatedAt = earliest(referral.escalatedAt, escalatedAt);
}

// As SQL's least(): the earlier instant, a missing one ignored. Compared as instants, since the
// texts may carry different offsets.
function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) < Date.parse(a) ? b : a;
}
