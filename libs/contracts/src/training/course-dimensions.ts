import { IsIn, IsUUID, Matches } from 'class-validator';
import { REGION_CODES } from '../reference/regions';
import { COURSE_KINDS } from './course-kinds';

/** The course dimensions every training event carries, so reporting counts without a lookup. */
export class CourseDimensions {
  /** Course id in the training service. */
  @IsUUID() readonly courseId: string;
  /** One of `COURSE_KINDS`, e.g. `personal-development`. */
  @IsIn(COURSE_KINDS) readonly courseKind: string;
  /** Programme code the course runs under, e.g. `FORAS`. */
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly programmeCode: string;
  /** Institution code of the organising institution, e.g. `IOM`. */
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly organisingOrg: string;
  /** Region code 01..12 where the course takes place. */
  @IsIn(REGION_CODES) readonly regionCode: string;
}
