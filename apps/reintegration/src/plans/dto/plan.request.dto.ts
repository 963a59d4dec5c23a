import { NestedObject } from '@mrm/http';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsCalendarDate } from '../../projects/dto/calendar-date';
import { AssessmentDto, AssistanceItemDto } from './plan-parts.dto';

// The three parts of a plan revision, declared once for the create and the revise bodies (the
// OpenAPI builder does not follow a request DTO's base class).
const Assessment = () =>
  applyDecorators(
    ApiProperty({ type: AssessmentDto }),
    NestedObject(() => AssessmentDto),
  );
const Objectives = () =>
  applyDecorators(
    ApiProperty({
      type: [String],
      example: ['Open a sewing workshop in Khénifra'],
      minItems: 1,
      maxItems: 10,
      description: 'Short objectives (at most 300 characters each)',
    }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(10),
    IsString({ each: true }),
    MinLength(3, { each: true }),
    MaxLength(300, { each: true }),
  );
const Assistance = () =>
  applyDecorators(
    ApiProperty({ type: [AssistanceItemDto], minItems: 1, maxItems: 30 }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(30),
    NestedObject(() => AssistanceItemDto, { each: true }),
  );

/** What a revision of the plan says: the assessment, objectives and planned assistance. */
export class PlanContentDto {
  @Assessment() readonly assessment: AssessmentDto;
  @Objectives() readonly objectives: string[];
  @Assistance() readonly assistance: AssistanceItemDto[];
}

export class CreatePlanRequestDto {
  @ApiProperty({ format: 'uuid', description: 'Roster beneficiary id' })
  @IsUUID()
  readonly beneficiaryId: string;

  @ApiProperty({
    example: '2027-01-10',
    format: 'date',
    description: 'Date of registration or return; the plan is due a configured delay after it',
  })
  @IsCalendarDate()
  readonly referenceDate: string;

  @Assessment() readonly assessment: AssessmentDto;
  @Objectives() readonly objectives: string[];
  @Assistance() readonly assistance: AssistanceItemDto[];
}
