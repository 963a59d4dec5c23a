import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { CourseIdParamDto } from '../../courses/dto/course-id-param.dto';

export class EnrolmentParamsDto extends CourseIdParamDto {
  @ApiProperty({ format: 'uuid', description: 'Enrolment id' })
  @IsUUID()
  readonly enrolmentId: string;
}
