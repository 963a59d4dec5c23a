import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AssessmentDto, AssistanceItemDto } from './dto/plan-parts.dto';

/** One revision of a plan as written, and its approval if it got one. */
@Entity({ name: 'plan_revision' })
export class PlanRevisionEntity {
  @PrimaryColumn('uuid') planId: string;
  @PrimaryColumn('int') revision: number;
  @Column('jsonb') assessment: AssessmentDto;
  @Column('text', { array: true }) objectives: string[];
  @Column('jsonb') assistance: AssistanceItemDto[];
  @Column('text') revisedBy: string;
  @Column('timestamptz') revisedAt: Date;
  @Column('text', { nullable: true }) approvedBy: string | null;
  @Column('timestamptz', { nullable: true }) approvedAt: Date | null;
}
