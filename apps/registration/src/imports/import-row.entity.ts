import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One imported spreadsheet row: what makes a re-import idempotent. `row_hash` is a keyed blind
 * index of the institution and the normalised row, never a plain hash of personal data.
 */
@Entity({ name: 'import_row' })
export class ImportRowEntity {
  @PrimaryColumn('text') rowHash: string;
  @Column('uuid') beneficiaryId: string;
  @Column('uuid') importId: string;
  @Column('timestamptz') importedAt: Date;
}
