import { Injectable } from '@nestjs/common';
import type { BeneficiaryErasedV1 } from '@mrm/contracts';
import type { EntityManager } from 'typeorm';

/**
 * An erased person's import rows go: their keyed hash of the spreadsheet row would let whoever
 * holds the key confirm that a given row (name, phone, document) was imported.
 */
@Injectable()
export class ImportRowsErasureService {
  async onErased(em: EntityManager, erased: BeneficiaryErasedV1): Promise<void> {
    await em.query('DELETE FROM import_row WHERE beneficiary_id = $1', [erased.beneficiaryId]);
  }
}
