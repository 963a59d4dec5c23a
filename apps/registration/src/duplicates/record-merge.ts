import type { EntityManager } from 'typeorm';

// The writes a merge makes to the beneficiaries feature's tables (`beneficiary`,
// `beneficiary_link`). They belong behind a BeneficiariesService method; kept together here so
// that they can move there as one piece. Search keys go through SearchKeysService.

/**
 * Folds `mergedId` into `survivorId`: `merged_into` set and the version bumped (reads show it).
 * The person's identity now lives in the survivor only (issue 18): the merged record loses its
 * encrypted identity and exact birth date (the year stays, a statistical dimension), and its
 * replayable create responses; status and dimensions stay, for the record.
 */
export async function markMerged(
  em: EntityManager,
  input: { mergedId: string; survivorId: string },
): Promise<void> {
  await em.query(
    `UPDATE beneficiary
        SET merged_into = $2, version = version + 1, updated_at = now(),
            names_enc = NULL, phone_enc = NULL, address_enc = NULL, documents_enc = NULL,
            vulnerabilities_enc = NULL, birth_date_enc = NULL
      WHERE id = $1`,
    [input.mergedId, input.survivorId],
  );
  await em.query(`DELETE FROM idempotency_record WHERE response_headers->>'location' LIKE $1`, [
    `%/beneficiaries/${input.mergedId}`,
  ]);
}

/**
 * Moves the household and group links of `fromId` to `toId`, from both ends, keeping relation and
 * date; a link to the survivor itself, or to someone the survivor is already linked to, is
 * dropped. Returns how many links the merged record had.
 */
export async function repointLinks(
  em: EntityManager,
  input: { fromId: string; toId: string },
): Promise<number> {
  const notLinkedToSurvivor = (other: string) =>
    `l.${other} <> $2 AND NOT EXISTS (
       SELECT 1 FROM beneficiary_link s
        WHERE (s.beneficiary_id = $2 AND s.linked_beneficiary_id = l.${other})
           OR (s.linked_beneficiary_id = $2 AND s.beneficiary_id = l.${other}))`;
  const params = [input.fromId, input.toId];
  await em.query(
    `INSERT INTO beneficiary_link (beneficiary_id, linked_beneficiary_id, kind, relation, created_at)
     SELECT $2, l.linked_beneficiary_id, l.kind, l.relation, l.created_at FROM beneficiary_link l
      WHERE l.beneficiary_id = $1 AND ${notLinkedToSurvivor('linked_beneficiary_id')}
     ON CONFLICT DO NOTHING`,
    params,
  );
  await em.query(
    `INSERT INTO beneficiary_link (beneficiary_id, linked_beneficiary_id, kind, relation, created_at)
     SELECT l.beneficiary_id, $2, l.kind, l.relation, l.created_at FROM beneficiary_link l
      WHERE l.linked_beneficiary_id = $1 AND ${notLinkedToSurvivor('beneficiary_id')}
     ON CONFLICT DO NOTHING`,
    params,
  );
  const [, removed]: [unknown, number] = await em.query(
    'DELETE FROM beneficiary_link WHERE beneficiary_id = $1 OR linked_beneficiary_id = $1',
    [input.fromId],
  );
  return removed;
}
