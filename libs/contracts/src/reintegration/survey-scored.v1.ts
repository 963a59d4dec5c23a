import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { defineEvent } from '../event-definition';

const SCORE = /^(0\.[0-9]{4}|1\.0000)$/;

export class SurveyScoredV1 {
  /** Survey response id (UUID). */
  @IsUUID() readonly responseId: string;
  /** Pseudonymous beneficiary id (UUID). */
  @IsUUID() readonly beneficiaryId: string;
  /** Institution code of the institution that recorded the survey. */
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly ownerOrg: string;
  /** `baseline`, `endline` or `follow-up`. */
  @IsIn(['baseline', 'endline', 'follow-up']) readonly wave: string;
  /** Version of the RSS weights the scores were computed with. */
  @IsString() @MaxLength(32) readonly weightsVersion: string;
  /** Economic dimension score in 0..1 (4 decimals); absent when withheld. */
  @IsOptional() @Matches(SCORE) readonly economic?: string;
  /** Social dimension score in 0..1; absent when withheld. */
  @IsOptional() @Matches(SCORE) readonly social?: string;
  /** Psychosocial dimension score in 0..1; absent when withheld. */
  @IsOptional() @Matches(SCORE) readonly psychosocial?: string;
  /** Composite score in 0..1; absent when a dimension is withheld. */
  @IsOptional() @Matches(SCORE) readonly composite?: string;
  /** How many items were answered (the answers themselves are never published). */
  @IsInt() @Min(0) readonly answeredItems: number;
  /** When the scores were computed. */
  @IsISO8601() readonly scoredAt: string;
}

export const surveyScoredV1 = defineEvent({
  type: 'survey.scored.v1',
  producer: 'reintegration',
  payload: SurveyScoredV1,
  description:
    'A reintegration sustainability survey (IOM RSS) was scored under a weights version.',
});
