import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsObject, IsUUID } from 'class-validator';
import { SURVEY_WAVES, type SurveyWave } from '../survey-vocabulary';
import { IsCalendarDate } from '../../projects/dto/calendar-date';

export class RecordSurveyRequestDto {
  @ApiProperty({ format: 'uuid', description: 'Roster beneficiary id' })
  @IsUUID()
  readonly beneficiaryId: string;

  @ApiProperty({ enum: SURVEY_WAVES, example: 'baseline' })
  @IsIn(SURVEY_WAVES)
  readonly wave: SurveyWave;

  @ApiProperty({ example: '2027-04-10', format: 'date' })
  @IsCalendarDate()
  readonly answeredOn: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { employment: 'yes', 'economic-satisfaction': 'satisfied' },
    description: "Item code → answer code of the item's scale in the current weights version",
  })
  @IsObject()
  readonly answers: Record<string, string>;
}
