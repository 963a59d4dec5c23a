import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { BudgetLineKind } from './project-vocabulary';

/** A budget line (cash) or an in-kind item, in MAD. */
@Entity({ name: 'project_budget_line' })
@Unique('project_budget_line_project_id_position_key', ['projectId', 'position'])
export class ProjectBudgetLineEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') projectId: string;
  @Column('int') position: number;
  @Column('text') kind: BudgetLineKind;
  @Column('text') label: string;
  /** numeric(14,2), read and written as a decimal string: never a float. */
  @Column('numeric', { precision: 14, scale: 2 }) amount: string;
}
