import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A response's scores under one weights version; null scores were withheld. */
@Entity({ name: 'survey_score' })
export class SurveyScoreEntity {
  @PrimaryColumn('uuid') responseId: string;
  @PrimaryColumn('text') weightsVersion: string;
  /** numeric(5,4) in 0..1, read as a decimal string. */
  @Column('numeric', { precision: 5, scale: 4, nullable: true }) economic: string | null;
  @Column('numeric', { precision: 5, scale: 4, nullable: true }) social: string | null;
  @Column('numeric', { precision: 5, scale: 4, nullable: true }) psychosocial: string | null;
  @Column('numeric', { precision: 5, scale: 4, nullable: true }) composite: string | null;
  @Column('int') answeredItems: number;
  @Column('timestamptz') computedAt: Date;
}
