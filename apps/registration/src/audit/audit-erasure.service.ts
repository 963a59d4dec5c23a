import { Injectable } from '@nestjs/common';
import type { BeneficiaryErasedV1 } from '@mrm/contracts';
import type { EntityManager } from 'typeorm';

/**
 * The audit entries about an erased record keep who did what, when and to which ids (the legal
 * trace of processing), but their free text, which a user may have written the person's name
 * into, is replaced: the one change the append-only trigger allows (ADR 0022). The erasure's own
 * entry keeps its reason, the legal basis of the erasure.
 */
@Injectable()
export class AuditErasureService {
  async onErased(em: EntityManager, erased: BeneficiaryErasedV1): Promise<void> {
    await em.query(
      `UPDATE audit_entry
          SET reason = audit_entry_scrubbed_reason(reason),
              details = audit_entry_scrubbed_details(details)
        WHERE resource_ids @> ARRAY[$1]::uuid[] AND action <> 'erase'
          AND (reason, details) IS DISTINCT FROM
              (audit_entry_scrubbed_reason(reason), audit_entry_scrubbed_details(details))`,
      [erased.beneficiaryId],
    );
  }
}
