import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto, type Page } from '@mrm/http';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { MatchReviewEntity } from '../match-review.entity';
import {
  MATCH_REVIEW_CONTEXTS,
  MATCH_REVIEW_STATUSES,
  type MatchReviewStatus,
} from '../match-review-vocabulary';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** What a user outside the owning institution learns of a match: that, why, and the review. */
export class MatchElsewhereDto {
  @ApiProperty({
    example: 'registered-by-another-institution',
    description: 'Why the answer is withheld; which identifier matched is for the coordinator',
  })
  readonly reason: string;
  @ApiProperty({ format: 'uuid', description: 'The review opened for a coordinator' })
  readonly reviewId: string;
}

export class ListMatchReviewsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MATCH_REVIEW_STATUSES, description: 'Every status when absent' })
  @IsOptional()
  @IsIn(MATCH_REVIEW_STATUSES)
  readonly status?: MatchReviewStatus;
}

export class MatchReviewIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  readonly id: string;
}

export class ResolveMatchReviewRequestDto {
  @ApiProperty({ example: 'Same person: the family moved from Oujda; files reconciled' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  readonly note: string;
}

export class MatchReviewResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ enum: MATCH_REVIEW_CONTEXTS }) readonly context: string;
  @ApiProperty({ example: 'cw-iom-1' }) readonly requestedBy: string;
  @ApiProperty({ example: 'IOM' }) readonly requestedOrg: string;
  @ApiProperty({ type: [String], format: 'uuid' }) readonly matchedIds: string[];
  @ApiProperty({ example: ['document'] }) readonly reasons: string[];
  @ApiProperty({ enum: MATCH_REVIEW_STATUSES }) readonly status: string;
  @ApiProperty({ example: '2026-01-15T09:30:00.000Z' }) readonly createdAt: string;
  @ApiProperty({ nullable: true, type: String }) readonly resolvedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly resolvedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly resolutionNote: string | null;
}

export class MatchReviewPageDto {
  @ApiProperty({ type: [MatchReviewResponseDto] }) readonly items: MatchReviewResponseDto[];
  @ApiProperty({ nullable: true, type: String }) readonly nextCursor: string | null;
}

export function toMatchReviewResponse(entity: MatchReviewEntity): MatchReviewResponseDto {
  return {
    id: entity.id,
    context: entity.context,
    requestedBy: entity.requestedBy,
    requestedOrg: entity.requestedOrg,
    matchedIds: [...entity.matchedIds],
    reasons: [...entity.reasons],
    status: entity.status,
    createdAt: entity.createdAt.toISOString(),
    resolvedBy: entity.resolvedBy,
    resolvedAt: entity.resolvedAt?.toISOString() ?? null,
    resolutionNote: entity.resolutionNote,
  };
}

export function toMatchReviewPage(page: Page<MatchReviewEntity>): MatchReviewPageDto {
  return { items: page.items.map(toMatchReviewResponse), nextCursor: page.nextCursor };
}
