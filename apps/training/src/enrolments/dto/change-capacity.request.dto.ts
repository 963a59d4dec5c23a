import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class ChangeCapacityRequestDto {
  @ApiProperty({ minimum: 1, maximum: 1000, example: 30 })
  @IsInt()
  @Min(1)
  @Max(1000)
  readonly capacity: number;
}
