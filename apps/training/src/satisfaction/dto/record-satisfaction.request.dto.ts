import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export class RecordSatisfactionRequestDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: 'Overall satisfaction, 1 to 5' })
  @IsInt()
  @Min(1)
  @Max(5)
  readonly overall: number;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'Usefulness, 1 to 5' })
  @IsInt()
  @Min(1)
  @Max(5)
  readonly usefulness: number;

  @ApiProperty()
  @IsBoolean()
  readonly wouldRecommend: boolean;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Kept in training, never on the bus' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  readonly comment?: string;

  @ApiPropertyOptional({ default: false, description: 'Stored without the beneficiary id' })
  @IsOptional()
  @IsBoolean()
  readonly anonymous?: boolean;
}
