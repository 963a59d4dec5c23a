import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { MAD_INPUT_PATTERN } from '../../projects/project-vocabulary';
import {
  ASSISTANCE_ITEMS,
  ECONOMIC_NEEDS,
  PSYCHOSOCIAL_NEEDS,
  SKILLS,
  SOCIAL_NEEDS,
  VULNERABILITIES,
} from '../plan-vocabulary';

function codeList(values: readonly string[], example: string[]) {
  return [
    ApiProperty({ enum: values, isArray: true, example, maxItems: values.length }),
    IsArray(),
    ArrayMaxSize(values.length),
    ArrayUnique(),
    IsIn(values, { each: true }),
  ];
}

function apply(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorator) => decorator(target, key));
}

/** The needs assessment: codes from closed lists, so no narrative with personal data. */
export class AssessmentDto {
  @apply(codeList(ECONOMIC_NEEDS, ['income'])) readonly economicNeeds: string[];
  @apply(codeList(SOCIAL_NEEDS, ['housing'])) readonly socialNeeds: string[];
  @apply(codeList(PSYCHOSOCIAL_NEEDS, [])) readonly psychosocialNeeds: string[];
  @apply(codeList(SKILLS, ['sewing'])) readonly skills: string[];
  @apply(codeList(VULNERABILITIES, ['single-parent'])) readonly vulnerabilities: string[];
}

export class AssistanceItemDto {
  @ApiProperty({ enum: ASSISTANCE_ITEMS, example: 'individual-grant' })
  @IsIn(ASSISTANCE_ITEMS)
  readonly item: string;

  @ApiPropertyOptional({
    example: '15000.00',
    pattern: MAD_INPUT_PATTERN.source,
    description: 'Planned MAD value, a positive decimal string',
  })
  @IsOptional()
  @Matches(MAD_INPUT_PATTERN, { message: 'amount must be a positive MAD amount such as "1500.25"' })
  readonly amount?: string;
}
