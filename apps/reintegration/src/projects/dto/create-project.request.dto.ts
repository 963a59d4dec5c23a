import { NestedObject } from '@mrm/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGION_CODES } from '@mrm/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  BUDGET_LINE_KINDS,
  MAD_INPUT_PATTERN,
  MEMBER_ROLES,
  PROJECT_KINDS,
  type BudgetLineKind,
  type MemberRole,
  type ProjectKind,
} from '../project-vocabulary';

const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export class ProjectMemberRequestDto {
  @ApiProperty({ format: 'uuid', description: 'Roster beneficiary id' })
  @IsUUID()
  readonly beneficiaryId: string;

  @ApiProperty({ enum: MEMBER_ROLES, example: 'president' })
  @IsIn(MEMBER_ROLES)
  readonly role: MemberRole;
}

export class BudgetLineRequestDto {
  @ApiProperty({ enum: BUDGET_LINE_KINDS, example: 'cash' })
  @IsIn(BUDGET_LINE_KINDS)
  readonly kind: BudgetLineKind;

  @ApiProperty({ example: 'Sewing machines', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  readonly label: string;

  @ApiProperty({
    example: '12500.50',
    pattern: MAD_INPUT_PATTERN.source,
    description: 'MAD, a positive decimal string with at most 2 decimals',
  })
  @Matches(MAD_INPUT_PATTERN, { message: 'amount must be a positive MAD amount such as "1500.25"' })
  readonly amount: string;
}

export class CreateProjectRequestDto {
  @ApiProperty({ enum: PROJECT_KINDS, example: 'collective' })
  @IsIn(PROJECT_KINDS)
  readonly kind: ProjectKind;

  @ApiProperty({ example: 'Coopérative Tifaouine', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  readonly title: string;

  @ApiProperty({ example: 'handicraft', pattern: CODE_PATTERN.source })
  @Matches(CODE_PATTERN, { message: 'sector must be a lowercase code' })
  readonly sector: string;

  @ApiProperty({ enum: REGION_CODES, example: '05' })
  @IsIn(REGION_CODES)
  readonly regionCode: string;

  @ApiProperty({ example: 'Khénifra', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  readonly commune: string;

  @ApiPropertyOptional({ example: 'MOTUSE', pattern: '^[A-Z0-9-]{2,32}$' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'programmeCode must be a programme code' })
  readonly programmeCode?: string;

  @ApiPropertyOptional({
    example: 'cooperative-112-12',
    pattern: CODE_PATTERN.source,
    description: "Milestone chain code; the kind's default chain if omitted",
  })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'chainCode must be a chain code' })
  readonly chainCode?: string;

  @ApiProperty({ type: [ProjectMemberRequestDto], minItems: 1, maxItems: 200 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @NestedObject(() => ProjectMemberRequestDto, { each: true })
  readonly members: ProjectMemberRequestDto[];

  @ApiProperty({ type: [BudgetLineRequestDto], maxItems: 100 })
  @IsArray()
  @ArrayMaxSize(100)
  @NestedObject(() => BudgetLineRequestDto, { each: true })
  readonly budgetLines: BudgetLineRequestDto[];
}
