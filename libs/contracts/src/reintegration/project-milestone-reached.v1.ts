import {
  IsBoolean,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { defineEvent } from '../event-definition';

export class ProjectMilestoneReachedV1 {
  /** Project id (UUID). */
  @IsUUID() readonly projectId: string;
  /** Institution code of the owning institution. */
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly ownerOrg: string;
  /** Code of the milestone chain, e.g. `cooperative-112-12`. */
  @IsString() @MaxLength(64) readonly chainCode: string;
  /** Version of the chain's configuration. */
  @IsString() @MaxLength(32) readonly chainVersion: string;
  /** Milestone code within the chain, e.g. `statutes-signed`. */
  @IsString() @MaxLength(64) readonly milestone: string;
  /** Position of the milestone in the chain, from 1. */
  @IsInt() @Min(1) readonly position: number;
  /** Date the milestone was reached (YYYY-MM-DD). */
  @IsISO8601() readonly reachedOn: string;
  /** True when reached out of order under an override (a reason was recorded). */
  @IsBoolean() readonly overridden: boolean;
}

export const projectMilestoneReachedV1 = defineEvent({
  type: 'project.milestone-reached.v1',
  producer: 'reintegration',
  payload: ProjectMilestoneReachedV1,
  description: 'A project reached a legal-creation milestone of its chain.',
});
