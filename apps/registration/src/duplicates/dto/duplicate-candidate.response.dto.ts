import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@mrm/http';
import type { RecordSide } from '../beneficiary-records';
import { DUPLICATE_STATUSES, type DuplicateCandidateEntity } from '../duplicate-candidate.entity';

/** One side of a pair: enough to find and compare the records, nothing personal. */
export class DuplicateSideDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ example: 'MA-2026-000042' }) readonly reference: string;
  @ApiProperty({ example: 'IOM' }) readonly ownerOrg: string;
  @ApiProperty({ example: 'registered', description: 'Case status' }) readonly status: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) readonly mergedInto: string | null;
  @ApiProperty({ example: false }) readonly erased: boolean;
}

export class DuplicateCandidateResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ enum: DUPLICATE_STATUSES, example: 'open' }) readonly status: string;
  @ApiProperty({ example: ['document', 'name+birth-year+nationality'] })
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
});

export function toDuplicateResponse(view: DuplicatePairView): DuplicateCandidateResponseDto {
  const { entity } = view;
  return {
    id: entity.id,
    status: entity.status,
    reasons: [...entity.reasons],
    beneficiary: side(view.beneficiary),
    candidate: side(view.candidate),
    createdBy: entity.createdBy,
    createdAt: entity.createdAt.toISOString(),
    resolvedBy: entity.resolvedBy,
    resolvedAt: entity.resolvedAt?.toISOString() ?? null,
    resolutionReason: entity.resolutionReason,
  };
}

export function toDuplicatePage(page: Page<DuplicatePairView>): DuplicateCandidatePageDto {
  return { items: page.items.map(toDuplicateResponse), nextCursor: page.nextCursor };
}
