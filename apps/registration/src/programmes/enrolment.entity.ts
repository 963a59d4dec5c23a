import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A beneficiary's participation in a programme; open while `exitedOn` is null. */
@Entity({ name: 'enrolment' })
export class EnrolmentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') beneficiaryId: string;
  @Column('uuid') programmeId: string;
  @Column('date') enteredOn: string;
  @Column('date', { nullable: true }) exitedOn: string | null;
  /** One of `ENROLMENT_EXIT_REASONS`, set with `exitedOn`. */
  @Column('text', { nullable: true }) exitReason: string | null;
  // Set by the service (millisecond precision) so that list cursors compare exactly.
  @Column('timestamptz') createdAt: Date;
}
