import type { ProjectKind, ProjectOutcome, ProjectStatus } from './project-vocabulary';

/** A project as other features of the service see it: never the entity itself. */
export interface ProjectState {
  readonly id: string;
  readonly ownerOrg: string;
  readonly kind: ProjectKind;
  readonly regionCode: string;
  readonly programmeCode: string | null;
  readonly chainCode: string;
  readonly chainVersion: string;
  status: ProjectStatus;
  operatingSince: string | null;
  outcome: ProjectOutcome | null;
  closedAt: Date | null;
  version: number;
  updatedAt: Date;
}
