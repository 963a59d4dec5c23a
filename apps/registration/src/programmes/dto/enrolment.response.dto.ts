import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@mrm/http';
import type { EnrolmentEntity } from '../enrolment.entity';
import { ENROLMENT_EXIT_REASONS } from './exit-enrolment.request.dto';

/** An enrolment with the code of its programme, as the services return it. */
export interface EnrolmentRecord {
  readonly enrolment: EnrolmentEntity;
  readonly programmeCode: string;
}

export class EnrolmentResponseDto {
  @ApiProperty({ example: '0193a3c4-5f1e-7d2a-9b8c-1234567890ab' }) readonly id: string;
  @ApiProperty({ example: '0193a3c4-0000-7d2a-9b8c-1234567890ab' }) readonly beneficiaryId: string;
  @ApiProperty({ example: '0193a3c4-1111-7d2a-9b8c-1234567890ab' }) readonly programmeId: string;
  @ApiProperty({ example: 'FORAS' }) readonly programmeCode: string;
  @ApiProperty({ example: '2019-03-04' }) readonly enteredOn: string;
  @ApiProperty({ example: null, nullable: true, type: String }) readonly exitedOn: string | null;
  @ApiProperty({ enum: [...ENROLMENT_EXIT_REASONS, null], nullable: true, example: null })
  readonly exitReason: string | null;
  @ApiProperty({ enum: ['open', 'exited'], example: 'open' }) readonly status: 'open' | 'exited';
  @ApiProperty({ example: '2026-01-15T09:30:00.000Z' }) readonly createdAt: string;
}

export class EnrolmentPageResponseDto {
  @ApiProperty({ type: [EnrolmentResponseDto] }) readonly items: EnrolmentResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page' })
  readonly nextCursor: string | null;
}

/** Copies whitelisted fields only. */
export function toEnrolmentResponse(record: EnrolmentRecord): EnrolmentResponseDto {
  const { enrolment } = record;
  return {
    id: enrolment.id,
    beneficiaryId: enrolment.beneficiaryId,
    programmeId: enrolment.programmeId,
    programmeCode: record.programmeCode,
    enteredOn: enrolment.enteredOn,
    exitedOn: enrolment.exitedOn,
    exitReason: enrolment.exitReason,
    status: enrolment.exitedOn === null ? 'open' : 'exited',
    createdAt: enrolment.createdAt.toISOString(),
  };
}

export function toEnrolmentPageResponse(page: Page<EnrolmentRecord>): EnrolmentPageResponseDto {
  return { items: page.items.map(toEnrolmentResponse), nextCursor: page.nextCursor };
}
