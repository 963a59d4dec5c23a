import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { BENEFICIARY_CATEGORIES, SEXES } from '../reference/beneficiary-categories';
import { CourseDimensions } from './course-dimensions';

/** A course's dimensions plus the participant's non-identifying ones (from the roster entry). */
export class ParticipantDimensions extends CourseDimensions {
  /** Enrolment id in the training service. */
  @IsUUID() readonly enrolmentId: string;
  /** Pseudonymous beneficiary id; absent once the beneficiary was erased. */
  @IsOptional() @IsUUID() readonly beneficiaryId?: string;
  /** One of the five beneficiary categories. */
  @IsIn(BENEFICIARY_CATEGORIES) readonly category: string;
  /** `female` or `male`. */
  @IsIn(SEXES) readonly sex: string;
  /** Year of birth (exact or estimated). */
  @IsInt() @Min(1900) @Max(2100) readonly birthYear: number;
}
