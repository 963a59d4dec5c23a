import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AssessmentDto, AssistanceItemDto } from './plan-parts.dto';

/** What a revision of the plan says: the assessment, objectives and planned assistance. */
export class PlanContentDto {
  @ApiProperty({ type: AssessmentDto })
  @ValidateNested()
  @Type(() => AssessmentDto)
  readonly assessment: AssessmentDto;

  @ApiProperty({
    type: [String],
    example: ['Open a sewing workshop in Khénifra'],
    minItems: 1,
    maxItems: 10,
    description: 'Short objectives (at most 300 characters each)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(3, { each: true })
  @MaxLength(300, { each: true })
  readonly objectives: string[];

  @ApiProperty({ type: [AssistanceItemDto], minItems: 1, maxItems: 30 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AssistanceItemDto)
  readonly assistance: AssistanceItemDto[];
}

export class CreatePlanRequestDto extends PlanContentDto {
  @ApiProperty({ format: 'uuid', description: 'Roster beneficiary id' })
  @IsUUID()
  readonly beneficiaryId: string;

  @ApiProperty({
    example: '2027-01-10',
    format: 'date',
    description: 'Date of registration or return; the plan is due a configured delay after it',
  })
  @IsISO8601({ strict: true }, { message: 'referenceDate must be a date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'referenceDate must be a date (YYYY-MM-DD)' })
  readonly referenceDate: string;
}
