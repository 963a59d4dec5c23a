import { Injectable } from '@nestjs/common';
import { canSeeAllPersonalFiles, type Principal } from '@mrm/auth';
import { resolveRegionCode } from '@mrm/contracts';
import { DEFAULT_PAGE_LIMIT, decodeCursor, toPage, type Page } from '@mrm/http';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { assertMayReadPersonalData } from './beneficiary-access';
import { BeneficiaryEntity } from './beneficiary.entity';
import { BeneficiaryProtector } from './beneficiary.protector';
import {
  toBeneficiarySummary,
  type BeneficiarySummaryDto,
} from './dto/beneficiary-summary.response.dto';
import type { MatchElsewhereDto } from '../match-reviews/dto/match-review.dto';
import { MatchReviewsService, type ElsewhereMatch } from '../match-reviews/match-reviews.service';
import type { SearchBeneficiariesRequestDto } from './dto/search-beneficiaries.dto';
import { SearchKeysService } from './search-keys.service';

// Microsecond text of the sort key: a JavaScript Date would drop the microseconds and skip rows.
const CURSOR_TEXT = `to_char(b.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const FILTERS = [
  'programme',
  'region',
  'category',
  'status',
  'registeredFrom',
  'registeredTo',
  'documentType',
  'phone',
  'name',
] as const;

/** The blind index of an exact identity filter (phone, document): the ones that say "this person". */
interface ExactKey {
  readonly kind: 'phone' | 'document';
  readonly hash: string;
}

type SearchAnswer = Page<BeneficiarySummaryDto> & { elsewhere?: MatchElsewhereDto };

/** SQL conditions with numbered parameters, built one filter at a time. */
class Conditions {
  readonly where: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...values: unknown[]): void {
    let text = sql;
    for (const value of values) {
      this.params.push(value);
      text = text.replace('?', `$${this.params.length}`);
    }
    this.where.push(text);
  }
}

/**
 * The beneficiary list: filters on clear dimensions, exact matches on phone and document through
 * their blind indexes, names through their phonetic keys; scoped to the caller's institution
 * unless national. Every search is audited with the ids it returned.
 */
@Injectable()
export class BeneficiarySearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly searchKeys: SearchKeysService,
    private readonly protector: BeneficiaryProtector,
    private readonly audit: AuditService,
    private readonly matchReviews: MatchReviewsService,
  ) {}

  async search(input: {
    query: SearchBeneficiariesRequestDto;
    principal: Principal;
    reason?: string | null;
  }): Promise<SearchAnswer> {
    assertMayReadPersonalData(input.principal);
    const exact = this.exactIdentityKeys(input.query);
    // An exact phone or document may answer about another institution's record: budgeted.
    return exact.length > 0
      ? this.matchReviews.withinBudget(input.principal, (em) => this.run(em, { ...input, exact }))
      : this.run(this.dataSource.manager, { ...input, exact });
  }

  private async run(
    em: EntityManager,
    input: {
      query: SearchBeneficiariesRequestDto;
      principal: Principal;
      reason?: string | null;
      exact: ExactKey[];
    },
  ): Promise<SearchAnswer> {
    const { query, principal, exact } = input;
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const conditions = this.conditionsFor(query, principal);
    const rows: Array<{ id: string; cursor_at: string }> = await em.query(
      `SELECT b.id, ${CURSOR_TEXT} AS cursor_at FROM beneficiary b
       ${conditions.where.length > 0 ? `WHERE ${conditions.where.join(' AND ')}` : ''}
       ORDER BY b.created_at DESC, b.id DESC LIMIT ${limit + 1}`,
      conditions.params,
    );
    const page = toPage({
      rows,
      limit,
      keyOf: (row) => ({ createdAt: row.cursor_at, id: row.id }),
      map: (row) => row.id,
    });
    const entities = await em.findBy(BeneficiaryEntity, { id: In(page.items) });
    const byId = new Map(entities.map((entity) => [entity.id, entity]));
    const items = page.items.flatMap((id) => {
      const entity = byId.get(id);
      return entity ? [toBeneficiarySummary(entity, this.protector.open(entity).names)] : [];
    });
    await this.audit.record(em, {
      actor: principal,
      action: 'search',
      resourceType: 'beneficiary',
      resourceIds: items.map((item) => item.id),
      reason: input.reason,
      // Which filters, never their values: a searched name or phone is personal data.
      details: { filters: FILTERS.filter((filter) => query[filter] !== undefined) },
    });
    const elsewhere = await this.matchElsewhere(em, principal, exact, input.reason);
    return { items, nextCursor: page.nextCursor, ...(elsewhere ? { elsewhere } : {}) };
  }

  // Blind indexes of the exact identity filters (phone, document): the ones that say "this person".
  private exactIdentityKeys(query: SearchBeneficiariesRequestDto): ExactKey[] {
    return [
      ...(query.phone
        ? [{ kind: 'phone' as const, hash: this.searchKeys.phoneKey(query.phone) }]
        : []),
      ...(query.documentType && query.documentNumber
        ? [
            {
              kind: 'document' as const,
              hash: this.searchKeys.documentKey({
                type: query.documentType,
                number: query.documentNumber,
              }),
            },
          ]
        : []),
    ];
  }

  /**
   * A case worker whose exact phone or document also matches another institution's live record
   * learns only that the person is probably registered elsewhere (a review opens, audited). Name
   * searches match namesakes too often to say anything about one person.
   */
  private async matchElsewhere(
    em: EntityManager,
    principal: Principal,
    exact: readonly ExactKey[],
    reason: string | null | undefined,
  ): Promise<MatchElsewhereDto | undefined> {
    if (exact.length === 0 || canSeeAllPersonalFiles(principal)) return undefined;
    const rows: Array<{ id: string }> = await em.query(
      `SELECT b.id FROM beneficiary b
        WHERE b.owner_org <> $1 AND b.merged_into IS NULL AND b.erased_at IS NULL
          AND ${exact
            .map(
              (_, index) => `b.id IN (SELECT beneficiary_id FROM beneficiary_search_key
                                      WHERE kind = $${2 * index + 2} AND hash = $${2 * index + 3})`,
            )
            .join(' AND ')}
        ORDER BY b.created_at LIMIT 20`,
      [principal.org, ...exact.flatMap((key) => [key.kind, key.hash])],
    );
    if (rows.length === 0) return undefined;
    const reasons = exact.map((key) => key.kind);
    const matches: ElsewhereMatch[] = rows.map((row) => ({ id: row.id, reasons }));
    return this.matchReviews.open(em, { principal, context: 'search', matches, reason });
  }

  private conditionsFor(query: SearchBeneficiariesRequestDto, principal: Principal): Conditions {
    const c = new Conditions();
    // A record merged into another is the survivor's history now: reads only, never listed.
    c.add('b.merged_into IS NULL');
    if (!canSeeAllPersonalFiles(principal)) c.add('b.owner_org = ?', principal.org);
    if (query.programme) c.add('b.programme_code = ?', query.programme);
    if (query.region) c.add('b.region_code = ?', resolveRegionCode(query.region));
    if (query.category) c.add('b.category = ?', query.category);
    if (query.status) c.add('b.status = ?', query.status);
    if (query.registeredFrom) {
      c.add(`b.created_at >= (?::date)::timestamp AT TIME ZONE 'UTC'`, query.registeredFrom);
    }
    if (query.registeredTo) {
      c.add(`b.created_at < (?::date + 1)::timestamp AT TIME ZONE 'UTC'`, query.registeredTo);
    }
    if (query.documentType && query.documentNumber) {
      const hash = this.searchKeys.documentKey({
        type: query.documentType,
        number: query.documentNumber,
      });
      c.add(
        `b.id IN (SELECT beneficiary_id FROM beneficiary_search_key WHERE kind = 'document' AND hash = ?)`,
        hash,
      );
    }
    if (query.phone) {
      c.add(
        `b.id IN (SELECT beneficiary_id FROM beneficiary_search_key WHERE kind = 'phone' AND hash = ?)`,
        this.searchKeys.phoneKey(query.phone),
      );
    }
    if (query.name) this.addNameCondition(c, query.name);
    const after = decodeCursor(query.cursor);
    if (after) c.add('(b.created_at, b.id) < (?::timestamptz, ?::uuid)', after.createdAt, after.id);
    return c;
  }

  // A name matches when one of its full keys equals one of the query's (any order, either script),
  // or when the person's name holds every token of the query (`El Amrani` finds `Mohamed El Amrani`).
  private addNameCondition(c: Conditions, name: string): void {
    const keys = this.searchKeys.nameQueryKeys(name);
    if (keys.full.length === 0 && keys.tokens.length === 0) {
      c.add('false');
      return;
    }
    c.add(
      `b.id IN (
         SELECT beneficiary_id FROM beneficiary_search_key WHERE kind = 'name-full' AND hash = ANY(?::text[])
         UNION
         SELECT beneficiary_id FROM beneficiary_search_key WHERE kind = 'name-token' AND hash = ANY(?::text[])
         GROUP BY beneficiary_id HAVING count(DISTINCT hash) = ?)`,
      keys.full,
      keys.tokens,
      keys.tokens.length,
    );
  }
}
