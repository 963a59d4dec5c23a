import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SurveyWeights } from './survey-weights-file';

/** One version of the RSS weights, as loaded from the configuration file; never changed. */
@Entity({ name: 'survey_weights' })
export class SurveyWeightsEntity {
  @PrimaryColumn('text') version: string;
  @Column('jsonb') definition: SurveyWeights;
  @Column('timestamptz', { default: () => 'now()' }) loadedAt: Date;
}
