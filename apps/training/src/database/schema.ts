import { ROSTER_MIGRATIONS, RosterBeneficiaryEntity } from '@mrm/roster';
import { AttendanceEntity } from '../attendance/attendance.entity';
import { CourseEntity } from '../courses/course.entity';
import { EnrolmentEntity } from '../enrolments/enrolment.entity';
import { SatisfactionResponseEntity } from '../satisfaction/satisfaction-response.entity';
import { CourseSessionEntity } from '../sessions/course-session.entity';
import { CreateCourse1796600000000 } from './migrations/1796600000000-CreateCourse';
import { CreateEnrolment1796600100000 } from './migrations/1796600100000-CreateEnrolment';
import { CreateSatisfactionResponse1796600200000 } from './migrations/1796600200000-CreateSatisfactionResponse';

/** Training's entities and migrations: app, migrate entrypoint and CLI. */
export const TRAINING_ENTITIES = [
  RosterBeneficiaryEntity,
  CourseEntity,
  CourseSessionEntity,
  EnrolmentEntity,
  AttendanceEntity,
  SatisfactionResponseEntity,
];
export const TRAINING_MIGRATIONS = [
  ...ROSTER_MIGRATIONS,
  CreateCourse1796600000000,
  CreateEnrolment1796600100000,
  CreateSatisfactionResponse1796600200000,
];
