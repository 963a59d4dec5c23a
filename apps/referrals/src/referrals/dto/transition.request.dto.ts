import { NestedObject } from '@mrm/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REFERRAL_OUTCOMES,
  REJECTION_REASONS,
  type ReferralOutcome,
  type RejectionReason,
} from '@mrm/contracts';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ConsentOverrideRequestDto } from './consent-override.request.dto';

/** The note every transition may carry. */
export class TransitionRequestDto {
  @ApiPropertyOptional({ maxLength: 1000, example: 'Called the desk; appointment on Monday' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  readonly note?: string;
}

export class SubmitReferralRequestDto extends TransitionRequestDto {
  @ApiPropertyOptional({ type: ConsentOverrideRequestDto, description: 'Coordinators only' })
  @NestedObject(() => ConsentOverrideRequestDto, { optional: true })
  readonly consentOverride?: ConsentOverrideRequestDto;
}

export class RejectReferralRequestDto extends TransitionRequestDto {
  @ApiProperty({ enum: REJECTION_REASONS, example: 'no-capacity' })
  @IsIn(REJECTION_REASONS)
  readonly reason: RejectionReason;
}

export class CompleteReferralRequestDto extends TransitionRequestDto {
  @ApiProperty({ enum: REFERRAL_OUTCOMES, example: 'service-provided' })
  @IsIn(REFERRAL_OUTCOMES)
  readonly outcome: ReferralOutcome;
}

export class RedirectReferralRequestDto extends TransitionRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The service the person is sent on to' })
  @IsUUID()
  readonly serviceId: string;
}

export const BUSINESS_STATUS_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;

export class BusinessStatusRequestDto extends TransitionRequestDto {
  @ApiProperty({ pattern: BUSINESS_STATUS_PATTERN.source, example: 'appointment-booked' })
  @Matches(BUSINESS_STATUS_PATTERN, { message: 'businessStatus must be a kebab-case code' })
  readonly businessStatus: string;
}
