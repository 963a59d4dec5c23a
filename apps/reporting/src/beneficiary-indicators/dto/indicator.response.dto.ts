import { ApiProperty } from '@nestjs/swagger';

export class IndicatorGroupDto {
  @ApiProperty({ example: '05' }) readonly key: string;
  @ApiProperty({ example: 42 }) readonly count: number;
}

export class IndicatorResponseDto {
  @ApiProperty({ example: 'region' }) readonly groupBy: string;
  @ApiProperty({ example: 42 }) readonly total: number;
  @ApiProperty({ type: [IndicatorGroupDto] }) readonly groups: IndicatorGroupDto[];
}
