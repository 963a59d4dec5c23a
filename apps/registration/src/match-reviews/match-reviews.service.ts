import { Inject, Injectable } from '@nestjs/common';
import { canSeeAllPersonalFiles, type Principal } from '@mrm/auth';
import { uuidv7 } from '@mrm/contracts';
import { decodeCursor, DEFAULT_PAGE_LIMIT, toPage, type Page } from '@mrm/http';
import { SERVICE_CONFIG } from '@mrm/runtime';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RegistrationConfig } from '../registration.config';
import type { MatchElsewhereDto } from './dto/match-review.dto';
import { MatchReviewEntity } from './match-review.entity';
import type { MatchReviewContext, MatchReviewStatus } from './match-review-vocabulary';
import { MatchReviewError, probingRateLimited } from './match-review.errors';

/** The one reason a user outside the owning institution is given (wire-stable). */
export const MATCH_ELSEWHERE_REASON = 'registered-by-another-institution';

// Advisory-lock key space of the probing budgets (two-key form: never collides with single-key locks).
const BUDGET_LOCK_SPACE = 0x50524f42;

/** A record of another institution that matched, as the detector or a search found it. */
export interface ElsewhereMatch {
  readonly id: string;
  readonly reasons: readonly string[];
}

/**
 * Cross-institution matches (issue 18): the user learns only that the person is probably
 * registered elsewhere; the records and match codes go to a review a coordinator resolves. Every
 * such answer is audited and counts against the user's probing budget.
 */
@Injectable()
export class MatchReviewsService {
  private readonly limit: number;
  private readonly windowSeconds: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(SERVICE_CONFIG) config: RegistrationConfig,
  ) {
    this.limit = config.REGISTRATION_PROBE_LIMIT;
    this.windowSeconds = config.REGISTRATION_PROBE_WINDOW_SECONDS;
  }

  /**
   * Runs `lookup`, an identity lookup that may answer about other institutions' records, within the
   * caller's probing budget: 429 `PROBING_RATE_LIMITED` (with `Retry-After`) before it once the
   * caller received `limit` such answers within the window, so that the refusal itself does not
   * tell a match from no match. National roles see matches openly and have no budget.
   *
   * The check, the lookup and the reviews it opens (`open` with the given manager) run in one
   * transaction under a lock of the caller's own: two lookups at the limit cannot both pass.
   */
  async withinBudget<T>(
    principal: Principal,
    lookup: (em: EntityManager) => Promise<T>,
  ): Promise<T> {
    if (canSeeAllPersonalFiles(principal)) return lookup(this.dataSource.manager);
    return this.dataSource.transaction(async (em) => {
      await this.assertWithinBudget(em, principal);
      return lookup(em);
    });
  }

  /**
   * Takes the caller's budget lock, held until `em`'s transaction ends, then checks the budget:
   * the first half of `withinBudget`, for a caller that runs its own transaction.
   */
  async assertWithinBudget(em: EntityManager, principal: Principal): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      BUDGET_LOCK_SPACE,
      `${principal.org}:${principal.sub}`,
    ]);
    const [over]: Array<{ retry_after: number }> = await em.query(
      `SELECT greatest(1, ceil(extract(epoch FROM
                created_at + make_interval(secs => $3) - now())))::int AS retry_after
         FROM match_review
        WHERE requested_by = $1 AND requested_org = $2
          AND created_at > now() - make_interval(secs => $3)
        ORDER BY created_at DESC OFFSET $4 - 1 LIMIT 1`,
      [principal.sub, principal.org, this.windowSeconds, this.limit],
    );
    if (over) {
      throw probingRateLimited(over.retry_after, {
        detail: `At most ${this.limit} such answers per ${this.windowSeconds} s`,
      });
    }
  }

  /**
   * Opens a review of `matches` for a coordinator and audits the answer (`match-elsewhere`, with
   * the matched ids, never shown to the user); returns what the user may be told.
   */
  async open(
    em: EntityManager | undefined,
    input: {
      principal: Principal;
      context: MatchReviewContext;
      matches: readonly ElsewhereMatch[];
      reason?: string | null;
    },
  ): Promise<MatchElsewhereDto> {
    const { principal, context, matches } = input;
    const manager = em ?? this.dataSource.manager;
    const id = uuidv7();
    const matchedIds = [...new Set(matches.map((match) => match.id))];
    const reasons = [...new Set(matches.flatMap((match) => match.reasons))].sort();
    await manager.insert(MatchReviewEntity, {
      id,
      context,
      requestedBy: principal.sub,
      requestedOrg: principal.org,
      matchedIds,
      reasons,
      status: 'open',
      createdAt: new Date(),
      resolvedBy: null,
      resolvedAt: null,
      resolutionNote: null,
    });
    await this.audit.record(manager, {
      actor: principal,
      action: 'match-elsewhere',
      resourceType: 'beneficiary',
      resourceIds: matchedIds,
      reason: input.reason,
      details: { context, matchReviewId: id, matchReasons: reasons },
    });
    return { reason: MATCH_ELSEWHERE_REASON, reviewId: id };
  }

  async list(input: {
    status?: MatchReviewStatus;
    limit?: number;
    cursor?: string;
  }): Promise<Page<MatchReviewEntity>> {
    const limit = input.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(input.cursor);
    const query = this.dataSource
      .getRepository(MatchReviewEntity)
      .createQueryBuilder('r')
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit + 1);
    if (input.status) query.andWhere('r.status = :status', { status: input.status });
    if (after) query.andWhere('(r.created_at, r.id) < (:createdAt, :id)', after);
    const rows = await query.getMany();
    return toPage({
      rows,
      limit,
      keyOf: (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }),
      map: (row) => row,
    });
  }

  /** The coordinator looked at the match (and, outside this API, talked to both institutions). */
  async resolve(input: {
    principal: Principal;
    reviewId: string;
    note: string;
  }): Promise<MatchReviewEntity> {
    return this.dataSource.transaction(async (em) => {
      const entity = await em.findOne(MatchReviewEntity, {
        where: { id: input.reviewId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!entity) throw new MatchReviewError('MATCH_REVIEW_NOT_FOUND');
      if (entity.status !== 'open') throw new MatchReviewError('MATCH_REVIEW_ALREADY_RESOLVED');
      const changes = {
        status: 'resolved' as const,
        resolvedBy: input.principal.sub,
        resolvedAt: new Date(),
        resolutionNote: input.note,
      };
      await em.update(MatchReviewEntity, { id: entity.id }, changes);
      await this.audit.record(em, {
        actor: input.principal,
        action: 'update',
        resourceType: 'match_review',
        resourceIds: [entity.id, ...entity.matchedIds],
        reason: input.note,
        details: { status: 'resolved' },
      });
      return Object.assign(entity, changes);
    });
  }
}
