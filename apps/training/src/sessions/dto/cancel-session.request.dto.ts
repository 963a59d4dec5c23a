import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CancelSessionRequestDto {
  @ApiProperty({ example: 'Venue closed', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  readonly reason: string;
}
