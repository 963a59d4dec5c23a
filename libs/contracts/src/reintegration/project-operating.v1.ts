import { IsIn, IsISO8601, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../event-definition';
import { REGION_CODES } from '../reference/regions';

export class ProjectOperatingV1 {
  /** Project id (UUID). */
  @IsUUID() readonly projectId: string;
  /** Institution code of the owning institution. */
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly ownerOrg: string;
  /** `individual`, `collective` or `community`. */
  @IsIn(['individual', 'collective', 'community']) readonly kind: string;
  /** Region code 01..12 where the project runs. */
  @IsIn(REGION_CODES) readonly regionCode: string;
  /** Date the business started operating (YYYY-MM-DD). */
  @IsISO8601() readonly operatingSince: string;
}

export const projectOperatingV1 = defineEvent({
  type: 'project.operating.v1',
  producer: 'reintegration',
  payload: ProjectOperatingV1,
  description: 'A project reached the end of its legal chain and started operating.',
});
