import { Injectable } from '@nestjs/common';
import type { BeneficiaryDimensions } from '@mrm/contracts';
import type { EntityManager } from 'typeorm';

/**
 * The one writer of `roster_beneficiary`. Each method is a single upsert whose result does not
 * depend on arrival order: dimensions keep the highest registration version, while a merge and an
 * erasure are facts that no dimension event touches.
 */
@Injectable()
export class RosterProjector {
  /** From `beneficiary.registered.v1` and `.updated.v1`; both carry the full dimension set. */
  async applyDimensions(em: EntityManager, dimensions: BeneficiaryDimensions): Promise<void> {
    await em.query(
      `INSERT INTO roster_beneficiary
         (beneficiary_id, owner_org, category, sex, birth_year, nationality, region_code,
          programme_code, languages, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (beneficiary_id) DO UPDATE SET
         owner_org = EXCLUDED.owner_org,
         category = EXCLUDED.category,
         sex = EXCLUDED.sex,
         birth_year = EXCLUDED.birth_year,
         nationality = EXCLUDED.nationality,
         region_code = EXCLUDED.region_code,
         programme_code = EXCLUDED.programme_code,
         languages = EXCLUDED.languages,
         version = EXCLUDED.version,
         updated_at = now()
       WHERE roster_beneficiary.version < EXCLUDED.version`,
      [
        dimensions.beneficiaryId,
        dimensions.ownerOrg,
        dimensions.category,
        dimensions.sex,
        dimensions.birthYear,
        dimensions.nationality,
        dimensions.regionCode,
        dimensions.programmeCode ?? null,
        dimensions.languages ?? null,
        dimensions.version,
      ],
    );
  }

  /** The duplicate keeps its dimensions and points at the survivor; a record merges once. */
  async markMerged(
    em: EntityManager,
    input: { duplicateId: string; survivorId: string },
  ): Promise<void> {
    await em.query(
      `INSERT INTO roster_beneficiary (beneficiary_id, merged_into) VALUES ($1, $2)
       ON CONFLICT (beneficiary_id) DO UPDATE
         SET merged_into = EXCLUDED.merged_into, updated_at = now()
       WHERE roster_beneficiary.merged_into IS NULL`,
      [input.duplicateId, input.survivorId],
    );
  }

  // The dimensions are non-identifying and survive erasure (contract beneficiary.erased.v1);
  // the roster records the fact so the service stops acting on the person.
  async markErased(
    em: EntityManager,
    input: { beneficiaryId: string; erasedAt: string },
  ): Promise<void> {
    await em.query(
      `INSERT INTO roster_beneficiary (beneficiary_id, erased_at) VALUES ($1, $2)
       ON CONFLICT (beneficiary_id) DO UPDATE
         SET erased_at = EXCLUDED.erased_at, updated_at = now()
       WHERE roster_beneficiary.erased_at IS NULL
          OR roster_beneficiary.erased_at > EXCLUDED.erased_at`,
      [input.beneficiaryId, input.erasedAt],
    );
  }
}
