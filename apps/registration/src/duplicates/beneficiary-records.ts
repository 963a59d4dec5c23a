import type { EntityManager } from 'typeorm';

// The read-only view of the beneficiary table that duplicate detection and review need: clear
// columns and blind indexes only, never a personal value. Kept in this one file so that it can
// move behind a BeneficiariesService method without touching the rest of duplicates/.

/** What the queue shows of each side of a pair, whoever owns it: nothing personal. */
export interface RecordSide {
  readonly id: string;
  readonly reference: string;
  readonly ownerOrg: string;
  readonly status: string;
  readonly mergedInto: string | null;
  readonly erased: boolean;
}

export interface CandidateRow {
  readonly id: string;
  readonly reference: string;
  readonly owner_org: string;
  readonly document: boolean;
  readonly phone: boolean;
  readonly name: boolean;
  /** 1 for the strongest candidate. */
  readonly rank: number;
}

/** Upper bound of candidates per check: a very common name must not flood the answer. */
export const MAX_CANDIDATES = 20;

/** What the candidate lookup compares: blind indexes and clear dimensions, nothing personal. */
export interface CandidateQuery {
  readonly documentHashes: readonly string[];
  readonly phoneHashes: readonly string[];
  readonly nameHashes: readonly string[];
  readonly birthYear: number;
  readonly birthYearEstimated: boolean;
  readonly nationality: string;
}

/**
 * Live records (not merged, not erased) of every institution sharing a document or phone key
 * (strong), or a full-name key with the same nationality and a birth year within ±1 year (±2 when
 * either year is estimated). Strong matches first, then oldest first: `rank` 1, 2…
 */
export async function findCandidateRecords(
  em: EntityManager,
  input: CandidateQuery,
): Promise<CandidateRow[]> {
  return em.query(CANDIDATES_SQL, [
    [...input.documentHashes],
    [...input.phoneHashes],
    [...input.nameHashes],
    input.nationality,
    input.birthYear,
    input.birthYearEstimated,
  ]);
}

const CANDIDATES_SQL = `SELECT b.id, b.reference, b.owner_org,
            bool_or(k.kind = 'document') AS document,
            bool_or(k.kind = 'phone') AS phone,
            bool_or(k.kind = 'name-full') AS name,
            row_number() OVER (ORDER BY bool_or(k.kind IN ('document', 'phone')) DESC,
                                        b.created_at, b.id)::int AS rank
       FROM beneficiary_search_key k
       JOIN beneficiary b ON b.id = k.beneficiary_id
      WHERE b.merged_into IS NULL AND b.erased_at IS NULL
        AND ((k.kind = 'document' AND k.hash = ANY($1::text[]))
          OR (k.kind = 'phone' AND k.hash = ANY($2::text[]))
          OR (k.kind = 'name-full' AND k.hash = ANY($3::text[])
              AND b.nationality = $4
              AND abs(b.birth_year - $5::int)
                  <= CASE WHEN b.birth_year_estimated OR $6::boolean THEN 2 ELSE 1 END))
      GROUP BY b.id, b.reference, b.owner_org, b.created_at
      ORDER BY rank
      LIMIT ${MAX_CANDIDATES}`;

/**
 * The records of `ids` as the queue shows them; with `lock`, locked for update in id order (two
 * merges touching the same records wait for each other instead of deadlocking). Missing ids are
 * left out.
 */
export async function loadRecordSides(
  em: EntityManager,
  ids: readonly string[],
  options: { lock?: boolean } = {},
): Promise<Map<string, RecordSide>> {
  if (ids.length === 0) return new Map();
  const rows: Array<{
    id: string;
    reference: string;
    owner_org: string;
    status: string;
    merged_into: string | null;
    erased: boolean;
  }> = await em.query(
    `SELECT id, reference, owner_org, status, merged_into, erased_at IS NOT NULL AS erased
       FROM beneficiary WHERE id = ANY($1::uuid[]) ORDER BY id${options.lock ? ' FOR UPDATE' : ''}`,
    [[...new Set(ids)]],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        reference: row.reference,
        ownerOrg: row.owner_org,
        status: row.status,
        mergedInto: row.merged_into,
        erased: row.erased,
      },
    ]),
  );
}

/** SQL condition: one record of the pair aliased `alias` belongs to the institution `:org`. */
export function pairOwnedByOrgSql(alias: string): string {
  return `EXISTS (SELECT 1 FROM beneficiary b
                   WHERE b.id IN (${alias}.beneficiary_id, ${alias}.candidate_id)
                     AND b.owner_org = :org)`;
}
