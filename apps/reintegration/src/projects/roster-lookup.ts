import { Injectable } from '@nestjs/common';
import { RosterError } from '@mrm/roster';
import type { EntityManager } from 'typeorm';
import { ProjectError } from './project.errors';

// TODO(#13): replaced by RosterService.resolveActive of the composable roster once it is on main.
/** Follows `merged_into` to the surviving roster entry; unknown → 404, erased → 422. */
@Injectable()
export class RosterLookup {
  async resolveActive(
    em: EntityManager,
    beneficiaryId: string,
  ): Promise<{ beneficiaryId: string }> {
    const rows: Array<{ beneficiary_id: string; erased: boolean; depth: number }> = await em.query(
      `WITH RECURSIVE chain AS (
         SELECT beneficiary_id, merged_into, erased_at IS NOT NULL AS erased, 0 AS depth
           FROM roster_beneficiary WHERE beneficiary_id = $1
         UNION ALL
         SELECT r.beneficiary_id, r.merged_into, r.erased_at IS NOT NULL, c.depth + 1
           FROM roster_beneficiary r JOIN chain c ON r.beneficiary_id = c.merged_into
          WHERE c.depth < 10)
       SELECT beneficiary_id, erased, depth FROM chain ORDER BY depth DESC LIMIT 1`,
      [beneficiaryId],
    );
    if (rows.length === 0) throw new RosterError('reintegration', 'ROSTER_BENEFICIARY_NOT_FOUND');
    if (rows[0].erased) {
      throw new ProjectError('PROJECT_MEMBERS_INVALID', { detail: 'A member was erased' });
    }
    return { beneficiaryId: rows[0].beneficiary_id };
  }
}
