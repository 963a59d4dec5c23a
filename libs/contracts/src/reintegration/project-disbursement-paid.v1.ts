import { IsInt, IsISO8601, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { MAD_AMOUNT_PATTERN } from '../reference/money';

export class ProjectDisbursementPaidV1 {
  /** Project id (UUID). */
  @IsUUID() readonly projectId: string;
  /** Institution code of the owning institution. */
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly ownerOrg: string;
  /** Tranche id (UUID). */
  @IsUUID() readonly trancheId: string;
  /** Tranche number within the project, from 1. */
  @IsInt() @Min(1) readonly sequence: number;
  /** Amount paid in MAD, a decimal string such as `5000.50`. */
  @Matches(MAD_AMOUNT_PATTERN) readonly amount: string;
  /** Institution code of the institution that paid. */
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly payingOrg: string;
  /** Date of payment (YYYY-MM-DD). */
  @IsISO8601() readonly paidOn: string;
  /** Sum of the project's paid tranches after this one, in MAD. */
  @Matches(MAD_AMOUNT_PATTERN) readonly paidTotal: string;
}

export const projectDisbursementPaidV1 = defineEvent({
  type: 'project.disbursement-paid.v1',
  producer: 'reintegration',
  payload: ProjectDisbursementPaidV1,
  description: 'A planned disbursement tranche of a project was paid.',
});
