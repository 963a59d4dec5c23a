import type { EntityManager } from 'typeorm';

/** A link as seen from one of its two ends. */
export interface BeneficiaryLinkView {
  readonly beneficiaryId: string;
  readonly kind: 'household' | 'group';
  /** What the linked person is to the one being read. */
  readonly relation: string;
}

// Seen from the other end, a parent is a child and a child a parent; the rest is symmetric.
const INVERSE: Record<string, string> = { parent: 'child', child: 'parent' };

export function linkKindOf(relation: string): 'household' | 'group' {
  return relation === 'member' ? 'group' : 'household';
}

/** The links of a beneficiary, declared by it or by the other end. */
export async function loadLinks(
  em: EntityManager,
  beneficiaryId: string,
): Promise<BeneficiaryLinkView[]> {
  const rows: Array<{
    beneficiary_id: string;
    linked_beneficiary_id: string;
    kind: 'household' | 'group';
    relation: string;
  }> = await em.query(
    `SELECT beneficiary_id, linked_beneficiary_id, kind, relation FROM beneficiary_link
       WHERE beneficiary_id = $1 OR linked_beneficiary_id = $1 ORDER BY created_at, linked_beneficiary_id`,
    [beneficiaryId],
  );
  return rows.map((row) =>
    row.beneficiary_id === beneficiaryId
      ? { beneficiaryId: row.linked_beneficiary_id, kind: row.kind, relation: row.relation }
      : {
          beneficiaryId: row.beneficiary_id,
          kind: row.kind,
          relation: INVERSE[row.relation] ?? row.relation,
        },
  );
}

/** Replaces the links this beneficiary declared (and any the other end declared towards it). */
export async function replaceLinks(
  em: EntityManager,
  beneficiaryId: string,
  links: ReadonlyArray<{ beneficiaryId: string; relation: string }>,
): Promise<void> {
  await deleteLinks(em, beneficiaryId);
  await insertLinks(em, beneficiaryId, links);
}

/** Adds the links a beneficiary declares; on its own for a new record, which has none to replace. */
export async function insertLinks(
  em: EntityManager,
  beneficiaryId: string,
  links: ReadonlyArray<{ beneficiaryId: string; relation: string }>,
): Promise<void> {
  if (links.length === 0) return;
  await em.query(
    `INSERT INTO beneficiary_link (beneficiary_id, linked_beneficiary_id, kind, relation)
     SELECT $1, linked, kind, relation FROM unnest($2::uuid[], $3::text[], $4::text[]) AS l(linked, kind, relation)
     ON CONFLICT DO NOTHING`,
    [
      beneficiaryId,
      links.map((link) => link.beneficiaryId),
      links.map((link) => linkKindOf(link.relation)),
      links.map((link) => link.relation),
    ],
  );
}

export async function deleteLinks(em: EntityManager, beneficiaryId: string): Promise<void> {
  await em.query(
    'DELETE FROM beneficiary_link WHERE beneficiary_id = $1 OR linked_beneficiary_id = $1',
    [beneficiaryId],
  );
}
