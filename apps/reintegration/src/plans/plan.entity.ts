import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AssessmentDto, AssistanceItemDto } from './dto/plan-parts.dto';
import type { PlanStatus } from './plan-vocabulary';

/** A beneficiary's reintegration plan at its latest revision; earlier ones are in plan_revision. */
@Entity({ name: 'plan' })
@Index('plan_beneficiary_id_idx', ['beneficiaryId'])
export class PlanEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') beneficiaryId: string;
  @Column('text') ownerOrg: string;
  @Column('text') status: PlanStatus;
  @Column('int') revision: number;
  /** Registration or return date the delay runs from. */
  @Column('date') referenceDate: string;
  @Column('date') dueOn: string;
  @Column('jsonb') assessment: AssessmentDto;
  @Column('text', { array: true }) objectives: string[];
  @Column('jsonb') assistance: AssistanceItemDto[];
  @Column('text', { nullable: true }) approvedBy: string | null;
  @Column('timestamptz', { nullable: true }) approvedAt: Date | null;
  @Column('int') version: number;
  @Column('text') createdBy: string;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
}
