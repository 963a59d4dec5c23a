import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class RecordAssessmentRequestDto {
  @ApiProperty({ description: 'Whether the participant passed the course assessment' })
  @IsBoolean()
  readonly passed: boolean;
}
