import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One imported spreadsheet row: what makes a re-import idempotent. `row_hash` is a keyed blind
 * index of the institution and the normalised row, never a plain hash of personal data.
 */
@Entity({ name: 'import_row' })
// A blind index (HMAC-SHA256, hex): anything else would be a value in clear.
@Check('import_row_row_hash_check', "row_hash ~ '^[0-9a-f]{64}$'")
@Index('import_row_import_id_idx', ['importId'])
@Index('import_row_beneficiary_id_idx', ['beneficiaryId'])
export class ImportRowEntity {
  @PrimaryColumn('text') rowHash: string;
  @Column('uuid') beneficiaryId: string;
  @Column('uuid') importId: string;
  @Column('timestamptz', { default: () => 'now()' }) importedAt: Date;
}
