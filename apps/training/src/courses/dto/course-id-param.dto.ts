import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class CourseIdParamDto {
  @ApiProperty({ format: 'uuid', description: 'Course id' })
  @IsUUID()
  readonly id: string;
}
