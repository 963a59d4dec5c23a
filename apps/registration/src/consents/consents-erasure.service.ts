import { Injectable } from '@nestjs/common';
import type { BeneficiaryErasedV1 } from '@mrm/contracts';
import type { EntityManager } from 'typeorm';

/**
 * An erased person's consents end (nothing about them may be shared any more), and the free-text
 * withdrawal reasons, which a case worker may have written personal details into, are cleared.
 * The structured record of what was consented stays as evidence of lawful past processing.
 */
@Injectable()
export class ConsentsErasureService {
  async onErased(em: EntityManager, erased: BeneficiaryErasedV1): Promise<void> {
    await em.query(
      `UPDATE consent
          SET withdrawal_reason = NULL,
              withdrawn_at = coalesce(withdrawn_at, $2),
              withdrawn_by = coalesce(withdrawn_by, 'system:erasure')
        WHERE beneficiary_id = $1`,
      [erased.beneficiaryId, erased.erasedAt],
    );
  }
}
