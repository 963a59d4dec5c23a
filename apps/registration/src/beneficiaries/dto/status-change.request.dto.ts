import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

/** Why a case is closed (wire values: carried by `beneficiary.closed.v1`). */
export const CLOSURE_REASONS = [
  'reintegrated',
  'moved-abroad',
  'lost-contact',
  'declined-services',
  'transferred',
  'deceased',
  'other',
] as const;

export class CloseBeneficiaryRequestDto {
  @ApiProperty({ enum: CLOSURE_REASONS, example: 'reintegrated' })
  @IsIn(CLOSURE_REASONS)
  readonly reason: string;
}

export class EraseBeneficiaryRequestDto {
  @ApiProperty({ example: 'Request of the person (law 09-08, art. 8), ticket 2026-114' })
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  readonly reason: string;
}
