import { ApiProperty } from '@nestjs/swagger';
import { BENEFICIARY_CATEGORIES, COURSE_KINDS } from '@mrm/contracts';
import type { Page } from '@mrm/http';
import { COURSE_STATUSES, type CourseView } from '../course-view';

export class CourseResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty() readonly title: string;
  @ApiProperty({ enum: COURSE_KINDS }) readonly kind: string;
  @ApiProperty({ example: 'FORAS' }) readonly programmeCode: string;
  @ApiProperty({ example: 'IOM' }) readonly organisingOrg: string;
  @ApiProperty({ type: [String] }) readonly trainerIds: string[];
  @ApiProperty({ type: [String], example: ['ar', 'fr'] }) readonly languages: string[];
  @ApiProperty({ example: '05' }) readonly regionCode: string;
  @ApiProperty({ nullable: true, type: String }) readonly venue: string | null;
  @ApiProperty({ minimum: 1, maximum: 1000 }) readonly capacity: number;
  @ApiProperty({ enum: BENEFICIARY_CATEGORIES, isArray: true })
  readonly targetCategories: string[];
  @ApiProperty({ format: 'date' }) readonly startsOn: string;
  @ApiProperty({ format: 'date' }) readonly endsOn: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) readonly minAttendancePercent: number;
  @ApiProperty() readonly assessmentRequired: boolean;
  @ApiProperty({ enum: COURSE_STATUSES }) readonly status: string;
  @ApiProperty({ nullable: true, type: String }) readonly cancellationReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  readonly completedAt: string | null;
  @ApiProperty({ description: 'Also the ETag' }) readonly version: number;
  @ApiProperty({ format: 'date-time' }) readonly createdAt: string;
  @ApiProperty({ format: 'date-time' }) readonly updatedAt: string;
}

export class CoursePageResponseDto {
  @ApiProperty({ type: [CourseResponseDto] }) readonly items: CourseResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page' })
  readonly nextCursor: string | null;
}

/** Copies whitelisted fields only. */
export function toCourseResponse(course: CourseView): CourseResponseDto {
  return {
    id: course.id,
    title: course.title,
    kind: course.kind,
    programmeCode: course.programmeCode,
    organisingOrg: course.organisingOrg,
    trainerIds: [...course.trainerIds],
    languages: [...course.languages],
    regionCode: course.regionCode,
    venue: course.venue,
    capacity: course.capacity,
    targetCategories: [...course.targetCategories],
    startsOn: course.startsOn,
    endsOn: course.endsOn,
    minAttendancePercent: course.minAttendancePercent,
    assessmentRequired: course.assessmentRequired,
    status: course.status,
    cancellationReason: course.cancellationReason,
    completedAt: course.completedAt?.toISOString() ?? null,
    version: course.version,
    createdAt: course.createdAt.toISOString(),
    updatedAt: course.updatedAt.toISOString(),
  };
}

export function toCoursePageResponse(page: Page<CourseView>): CoursePageResponseDto {
  return { items: page.items.map(toCourseResponse), nextCursor: page.nextCursor };
}
