import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A coordinator's reason to send a referral without a valid consent (audited). */
export class ConsentOverrideRequestDto {
  @ApiProperty({
    example: 'Life-threatening situation; the person could not sign before the transfer',
    minLength: 10,
    maxLength: 500,
  })
  @Transform(trim)
  @IsString()
  @MinLength(10)
  @MaxLength(500)
  readonly reason: string;
}
