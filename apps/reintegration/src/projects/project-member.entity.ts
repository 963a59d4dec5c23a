import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MemberRole } from './project-vocabulary';

/** A roster beneficiary in a project; one person may belong to several projects. */
@Entity({ name: 'project_member' })
@Index('project_member_beneficiary_id_idx', ['beneficiaryId'])
export class ProjectMemberEntity {
  @PrimaryColumn('uuid') projectId: string;
  @PrimaryColumn('uuid') beneficiaryId: string;
  @Column('text') role: MemberRole;
  @Column('timestamptz') joinedAt: Date;
}
