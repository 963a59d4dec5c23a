import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A person followed by the mechanism. Only non-identifying dimensions so far. */
@Entity({ name: 'beneficiary' })
export class BeneficiaryEntity {
  @PrimaryColumn('uuid') id: string;
  /** Human-readable case reference, `MA-<year>-<6 digits>`. */
  @Column('text') reference: string;
  @Column('text') ownerOrg: string;
  @Column('text') category: string;
  @Column('text') sex: string;
  @Column('date', { nullable: true }) birthDate: string | null;
  @Column('int') birthYear: number;
  @Column('boolean', { default: false }) birthYearEstimated: boolean;
  @Column('text') nationality: string;
  @Column('text') regionCode: string;
  @Column('text', { nullable: true }) programmeCode: string | null;
  @Column('text', { default: 'registered' }) status: string;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
