import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { defineEvent } from '../event-definition';

export class BeneficiaryEnrolledV1 {
  /** Enrolment id. */
  @IsUUID() readonly enrolmentId: string;
  /** Pseudonymous beneficiary id. */
  @IsUUID() readonly beneficiaryId: string;
  /** Programme id in the registration service. */
  @IsUUID() readonly programmeId: string;
  /** Programme code, e.g. `FORAS`. */
  @IsString() @MaxLength(32) readonly programmeCode: string;
  /** Entry date (YYYY-MM-DD). */
  @IsISO8601({ strict: true }) readonly enteredOn: string;
  /** Exit date (YYYY-MM-DD) once the beneficiary left the programme. */
  @IsOptional() @IsISO8601({ strict: true }) readonly exitedOn?: string;
}

export const beneficiaryEnrolledV1 = defineEvent({
  type: 'beneficiary.enrolled.v1',
  producer: 'registration',
  payload: BeneficiaryEnrolledV1,
  description: 'A beneficiary was enrolled in a programme (or the enrolment dates changed).',
});
