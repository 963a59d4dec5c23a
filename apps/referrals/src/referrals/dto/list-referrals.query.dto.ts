import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  REFERRAL_PRIORITIES,
  REFERRAL_STATUSES,
  SERVICE_TYPES,
  type ReferralPriority,
  type ReferralStatus,
  type ServiceType,
} from '@mrm/contracts';
import { PageQueryDto } from '@mrm/http';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export const DIRECTIONS = ['outgoing', 'incoming'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export class ListReferralsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: DIRECTIONS,
    description: 'outgoing: sent by my institution; incoming: received by it',
  })
  @IsOptional()
  @IsIn(DIRECTIONS)
  readonly direction?: Direction;

  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  readonly status?: ReferralStatus;

  @ApiPropertyOptional({
    pattern: '^[A-Z0-9-]{2,32}$',
    description: 'Partner (institution code) at the other end',
  })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,32}$/)
  readonly partner?: string;

  @ApiPropertyOptional({ enum: SERVICE_TYPES })
  @IsOptional()
  @IsIn(SERVICE_TYPES)
  readonly serviceType?: ServiceType;

  @ApiPropertyOptional({ enum: REFERRAL_PRIORITIES })
  @IsOptional()
  @IsIn(REFERRAL_PRIORITIES)
  readonly priority?: ReferralPriority;

  @ApiPropertyOptional({ type: Boolean, description: 'Open referrals past a deadline' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  readonly overdue?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'The escalation list: open referrals that missed a deadline',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  readonly escalated?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  readonly from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  readonly to?: string;
}
