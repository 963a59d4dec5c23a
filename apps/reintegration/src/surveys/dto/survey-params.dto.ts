import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class SurveyIdParamDto {
  @ApiProperty({ format: 'uuid', description: 'Survey response id' })
  @IsUUID()
  readonly id: string;
}
