import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { defineEvent } from '../event-definition';
import { MAD_AMOUNT_PATTERN } from '../reference/money';
import { REGION_CODES } from '../reference/regions';

export class ProjectCreatedV1 {
  /** Project id (UUID). */
  @IsUUID() readonly projectId: string;
  /** Institution code of the owning institution, e.g. `IOM`. */
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly ownerOrg: string;
  /** `individual`, `collective` or `community`. */
  @IsIn(['individual', 'collective', 'community']) readonly kind: string;
  /** Economic sector code, e.g. `handicraft`, `agriculture`. */
  @IsString() @MaxLength(64) readonly sector: string;
  /** Region code 01..12 where the project runs. */
  @IsIn(REGION_CODES) readonly regionCode: string;
  /** Programme code that funds the project, if any. */
  @IsOptional() @IsString() @MaxLength(64) readonly programmeCode?: string;
  /** Code of the legal milestone chain the project follows, e.g. `cooperative-112-12`. */
  @IsString() @MaxLength(64) readonly chainCode: string;
  /** Version of that chain's configuration. */
  @IsString() @MaxLength(32) readonly chainVersion: string;
  /** Pseudonymous beneficiary ids of the members. */
  @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) readonly memberIds: string[];
  /** Sum of the budget lines in MAD, a decimal string such as `15000.00`. */
  @Matches(MAD_AMOUNT_PATTERN) readonly budgetTotal: string;
  /** Sum of the in-kind items in MAD, a decimal string. */
  @Matches(MAD_AMOUNT_PATTERN) readonly inKindTotal: string;
  /** When the project was created. */
  @IsISO8601() readonly createdAt: string;
}

export const projectCreatedV1 = defineEvent({
  type: 'project.created.v1',
  producer: 'reintegration',
  payload: ProjectCreatedV1,
  description: 'A reintegration project was created with its members and budget.',
});
