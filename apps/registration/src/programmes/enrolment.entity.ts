import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ProgrammeEntity } from './programme.entity';

/** A beneficiary's participation in a programme; open while `exitedOn` is null. */
@Entity({ name: 'enrolment' })
@Check('enrolment_exit_order_check', 'exited_on IS NULL OR exited_on >= entered_on')
@Check(
  'enrolment_exit_reason_check',
  `(exited_on IS NULL) = (exit_reason IS NULL)
  AND (exit_reason IS NULL OR exit_reason IN
       ('completed', 'dropped-out', 'no-longer-eligible', 'transferred', 'other'))`,
)
// One open enrolment per beneficiary and programme; closed ones may repeat (re-entry).
@Index('enrolment_beneficiary_id_programme_id_key', ['beneficiaryId', 'programmeId'], {
  unique: true,
  where: 'exited_on IS NULL',
})
// `(beneficiary_id, created_at DESC, id DESC)` in the migration: TypeORM neither expresses nor
// compares column order or direction, only the name and the set of columns.
@Index('enrolment_beneficiary_id_created_at_idx', ['beneficiaryId', 'createdAt', 'id'])
@Index('enrolment_programme_id_idx', ['programmeId'])
export class EnrolmentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') beneficiaryId: string;
  @Column('uuid')
  @ForeignKey(() => ProgrammeEntity, { name: 'enrolment_programme_id_fkey' })
  programmeId: string;
  @Column('date') enteredOn: string;
  @Column('date', { nullable: true }) exitedOn: string | null;
  /** One of `ENROLMENT_EXIT_REASONS`, set with `exitedOn`. */
  @Column('text', { nullable: true }) exitReason: string | null;
  // Set by the service (millisecond precision) so that list cursors compare exactly.
  @Column('timestamptz', { default: () => 'now()' }) createdAt: Date;
}
