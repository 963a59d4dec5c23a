import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An end-of-course survey answer; `beneficiaryId` is null when anonymous or erased. */
@Entity({ name: 'satisfaction_response' })
export class SatisfactionResponseEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') courseId: string;
  @Column('uuid', { nullable: true }) beneficiaryId: string | null;
  @Column('smallint') overall: number;
  @Column('smallint') usefulness: number;
  @Column('boolean') wouldRecommend: boolean;
  @Column('text', { nullable: true }) comment: string | null;
  @Column('timestamptz') recordedAt: Date;
}
