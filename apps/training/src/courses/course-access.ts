import { canSeeAllInstitutions, type Principal } from '@mrm/auth';
import { CourseError } from './course.errors';

/** The fields of a course that decide who may see and manage it. */
export interface CourseAccessFields {
  readonly organisingOrg: string;
  readonly trainerIds: readonly string[];
}

const isNamedTrainer = (principal: Principal, course: CourseAccessFields): boolean =>
  principal.roles.includes('trainer') && course.trainerIds.includes(principal.sub);

/**
 * Admins and coordinators organise and run courses for any institution. Seeing every course
 * (auditors, analysts) grants no part of that, alone or beside another role.
 */
export const managesEveryCourse = (principal: Principal): boolean =>
  principal.roles.some((role) => role === 'admin' || role === 'coordinator');

/**
 * Coordinators (and admins, auditors) see every course, analysts too (a course holds nothing
 * personal); the organising institution's staff see its courses; a named trainer sees the courses
 * they run. Anyone else gets a 404, so another institution does not learn that the course exists.
 */
export function assertCanSee(principal: Principal, course: CourseAccessFields): void {
  if (
    canSeeAllInstitutions(principal) ||
    principal.roles.includes('analyst') ||
    principal.org === course.organisingOrg ||
    isNamedTrainer(principal, course)
  ) {
    return;
  }
  throw new CourseError('COURSE_NOT_FOUND');
}

/** Managing a course (sessions, attendance, status): coordinators and its named trainers. */
export function assertCanManage(principal: Principal, course: CourseAccessFields): void {
  assertCanSee(principal, course);
  if (managesEveryCourse(principal)) return;
  if (isNamedTrainer(principal, course)) return;
  throw new CourseError('COURSE_FORBIDDEN');
}

/**
 * Enrolling beneficiaries: those who manage the course, and the organising institution's case
 * workers, who follow the beneficiaries.
 */
export function assertCanEnrol(principal: Principal, course: CourseAccessFields): void {
  assertCanSee(principal, course);
  if (principal.roles.includes('case-worker') && principal.org === course.organisingOrg) return;
  assertCanManage(principal, course);
}
