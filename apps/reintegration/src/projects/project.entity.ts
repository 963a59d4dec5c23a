import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ProjectKind, ProjectOutcome, ProjectStatus } from './project-vocabulary';

/** A reintegration project; members, budget lines and tranches are rows of their own tables. */
@Entity({ name: 'project' })
@Index('project_owner_org_created_at_idx', ['ownerOrg', 'createdAt', 'id'])
export class ProjectEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') ownerOrg: string;
  @Column('text') kind: ProjectKind;
  /** The business's name, e.g. a cooperative's; never a person's name. */
  @Column('text') title: string;
  @Column('text') sector: string;
  @Column('char', { length: 2 }) regionCode: string;
  @Column('text') commune: string;
  @Column('text', { nullable: true }) programmeCode: string | null;
  /** The milestone chain (configuration) this project follows, at the version it started with. */
  @Column('text') chainCode: string;
  @Column('text') chainVersion: string;
  @Column('text') status: ProjectStatus;
  @Column('date', { nullable: true }) operatingSince: string | null;
  @Column('text', { nullable: true }) outcome: ProjectOutcome | null;
  @Column('timestamptz', { nullable: true }) closedAt: Date | null;
  /** Incremented on every change; the ETag. */
  @Column('int') version: number;
  @Column('text') createdBy: string;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
}
