import { IsIn, IsISO8601, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../event-definition';
import { REGION_CODES } from '../reference/regions';

export class ProjectClosedV1 {
  /** Project id (UUID). */
  @IsUUID() readonly projectId: string;
  /** Institution code of the owning institution. */
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly ownerOrg: string;
  /** `individual`, `collective` or `community`. */
  @IsIn(['individual', 'collective', 'community']) readonly kind: string;
  /** Region code 01..12 where the project ran. */
  @IsIn(REGION_CODES) readonly regionCode: string;
  /** `sustainable`, `struggling`, `dormant` or `dissolved`. */
  @IsIn(['sustainable', 'struggling', 'dormant', 'dissolved']) readonly outcome: string;
  /** When the project was closed. */
  @IsISO8601() readonly closedAt: string;
}

export const projectClosedV1 = defineEvent({
  type: 'project.closed.v1',
  producer: 'reintegration',
  payload: ProjectClosedV1,
  description: "A project's follow-up ended with its outcome.",
});
