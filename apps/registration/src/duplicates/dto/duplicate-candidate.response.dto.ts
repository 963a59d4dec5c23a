import { ApiProperty } from '@nestjs/swagger';
import type { Principal } from '@mrm/auth';
import type { Page } from '@mrm/http';
import { isVisibleTo } from '../../beneficiaries/beneficiary-access';
import { MATCH_ELSEWHERE_REASON } from '../../match-reviews/match-reviews.service';
import type { RecordSide } from '../beneficiary-records';
import { DUPLICATE_STATUSES, type DuplicateCandidateEntity } from '../duplicate-candidate.entity';

/**
 * One side of a pair: enough to find and compare the records, nothing personal. A side owned by
 * another institution than a case worker's shows only `elsewhere: true` (every other member null).
 */
export class DuplicateSideDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) readonly id: string | null;
  @ApiProperty({ example: 'MA-2026-000042', nullable: true, type: String })
  readonly reference: string | null;
  @ApiProperty({ example: 'IOM', nullable: true, type: String }) readonly ownerOrg: string | null;
  @ApiProperty({ example: 'registered', description: 'Case status', nullable: true, type: String })
  readonly status: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) readonly mergedInto: string | null;
  @ApiProperty({ example: false, nullable: true, type: Boolean }) readonly erased: boolean | null;
  @ApiProperty({ example: false, description: 'Registered by another institution (withheld)' })
  readonly elsewhere: boolean;
}

export class DuplicateCandidateResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ enum: DUPLICATE_STATUSES, example: 'open' }) readonly status: string;
  @ApiProperty({
    example: ['document', 'name+birth-year+nationality'],
    description: `Match codes; \`${MATCH_ELSEWHERE_REASON}\` alone when one side is withheld`,
  })
  readonly reasons: string[];
  @ApiProperty({ type: DuplicateSideDto, description: 'The record registered despite the match' })
  readonly beneficiary: DuplicateSideDto;
  @ApiProperty({ type: DuplicateSideDto, description: 'The existing record it matched' })
  readonly candidate: DuplicateSideDto;
  @ApiProperty({ example: 'cw-iom-1', description: '`sub` of who registered it anyway' })
  readonly createdBy: string;
  @ApiProperty({ example: '2026-01-15T09:30:00.000Z' }) readonly createdAt: string;
  @ApiProperty({ nullable: true, type: String }) readonly resolvedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly resolvedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly resolutionReason: string | null;
}

export class DuplicateCandidatePageDto {
  @ApiProperty({ type: [DuplicateCandidateResponseDto] })
  readonly items: DuplicateCandidateResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page' })
  readonly nextCursor: string | null;
}

/** A queue entry with both of its records. */
export interface DuplicatePairView {
  readonly entity: DuplicateCandidateEntity;
  readonly beneficiary: RecordSide;
  readonly candidate: RecordSide;
}

const side = (record: RecordSide): DuplicateSideDto => ({
  id: record.id,
  reference: record.reference,
  ownerOrg: record.ownerOrg,
  status: record.status,
  mergedInto: record.mergedInto,
  erased: record.erased,
  elsewhere: false,
});

const WITHHELD_SIDE: DuplicateSideDto = {
  id: null,
  reference: null,
  ownerOrg: null,
  status: null,
  mergedInto: null,
  erased: null,
  elsewhere: true,
};

/** The records of a pair the principal may not see (another institution's, for a case worker). */
export function withheldSides(view: DuplicatePairView, principal: Principal): RecordSide[] {
  return [view.beneficiary, view.candidate].filter(
    (record) => !isVisibleTo(principal, record.ownerOrg),
  );
}

/** The entry as `principal` may see it: another institution's side and the match codes withheld. */
export function toDuplicateResponse(
  view: DuplicatePairView,
  principal: Principal,
): DuplicateCandidateResponseDto {
  const { entity } = view;
  const shown = (record: RecordSide) =>
    isVisibleTo(principal, record.ownerOrg) ? side(record) : WITHHELD_SIDE;
  const withheld = withheldSides(view, principal).length > 0;
  return {
    id: entity.id,
    status: entity.status,
    reasons: withheld ? [MATCH_ELSEWHERE_REASON] : [...entity.reasons],
    beneficiary: shown(view.beneficiary),
    candidate: shown(view.candidate),
    createdBy: entity.createdBy,
    createdAt: entity.createdAt.toISOString(),
    resolvedBy: entity.resolvedBy,
    resolvedAt: entity.resolvedAt?.toISOString() ?? null,
    resolutionReason: entity.resolutionReason,
  };
}

export function toDuplicatePage(
  page: Page<DuplicatePairView>,
  principal: Principal,
): DuplicateCandidatePageDto {
  return {
    items: page.items.map((view) => toDuplicateResponse(view, principal)),
    nextCursor: page.nextCursor,
  };
}
