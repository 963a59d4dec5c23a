import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@mrm/http';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from './calendar-date';

export class ListProgrammesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'Germany (BMZ)', description: 'Exact donor, case-insensitive' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  readonly donor?: string;

  @ApiPropertyOptional({ example: '2019-06-01', description: 'Programmes running on that day' })
  @IsOptional()
  @IsCalendarDate()
  readonly activeOn?: string;
}
