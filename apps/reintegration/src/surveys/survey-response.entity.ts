import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { SurveyWave } from './survey-vocabulary';

/** One beneficiary's RSS answers for one wave: item code → answer code (never free text). */
@Entity({ name: 'survey_response' })
@Unique('survey_response_beneficiary_id_wave_key', ['beneficiaryId', 'wave'])
export class SurveyResponseEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') beneficiaryId: string;
  @Column('text') ownerOrg: string;
  @Column('text') wave: SurveyWave;
  @Column('date') answeredOn: string;
  @Column('jsonb') answers: Record<string, string>;
  @Column('text') recordedBy: string;
  @Column('timestamptz') createdAt: Date;
}
