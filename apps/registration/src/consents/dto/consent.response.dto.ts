import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@mrm/http';
import type { ConsentEntity } from '../consent.entity';
import { consentStatusAt } from '../consent-status';
import {
  CONSENT_DATA_CATEGORIES,
  CONSENT_PURPOSES,
  CONSENT_STATUSES,
  type ConsentStatus,
} from '../consent-vocabulary';

export class ConsentResponseDto {
  @ApiProperty({ example: '0193a3c4-5f1e-7d2a-9b8c-1234567890ab' }) readonly id: string;
  @ApiProperty({ example: '0193a3c4-0000-7d2a-9b8c-1234567890ab' }) readonly beneficiaryId: string;
  @ApiProperty({ enum: CONSENT_PURPOSES, isArray: true, example: ['registration', 'referral'] })
  readonly purposes: string[];
  @ApiProperty({ example: ['IOM', 'ANAPEC'] }) readonly recipients: string[];
  @ApiProperty({ enum: CONSENT_DATA_CATEGORIES, isArray: true, example: ['identity', 'contact'] })
  readonly dataCategories: string[];
  @ApiProperty({ enum: CONSENT_STATUSES, example: 'active', description: 'Computed at read time' })
  readonly status: ConsentStatus;
  @ApiProperty({ example: 'case-worker-7', description: '`sub` of who recorded it' })
  readonly collectedBy: string;
  @ApiProperty({ example: 'IOM' }) readonly collectingOrg: string;
  @ApiProperty({ example: '2026-01-15T09:30:00.000Z' }) readonly collectedAt: string;
  @ApiProperty({ example: '2025-03' }) readonly noticeVersion: string;
  @ApiProperty({ example: '2027-12-31T23:59:59.000Z', nullable: true, type: String })
  readonly expiresAt: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) readonly withdrawnAt: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) readonly withdrawnBy: string | null;
  @ApiProperty({ example: null, nullable: true, type: String })
  readonly withdrawalReason: string | null;
}

export class ConsentPageResponseDto {
  @ApiProperty({ type: [ConsentResponseDto] }) readonly items: ConsentResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page' })
  readonly nextCursor: string | null;
}

/** Copies whitelisted fields only; the status is computed for `now`. */
export function toConsentResponse(entity: ConsentEntity, now = new Date()): ConsentResponseDto {
  return {
    id: entity.id,
    beneficiaryId: entity.beneficiaryId,
    purposes: [...entity.purposes],
    recipients: [...entity.recipients],
    dataCategories: [...entity.dataCategories],
    status: consentStatusAt(entity, now),
    collectedBy: entity.collectedBy,
    collectingOrg: entity.collectingOrg,
    collectedAt: entity.collectedAt.toISOString(),
    noticeVersion: entity.noticeVersion,
    expiresAt: entity.expiresAt?.toISOString() ?? null,
    withdrawnAt: entity.withdrawnAt?.toISOString() ?? null,
    withdrawnBy: entity.withdrawnBy,
    withdrawalReason: entity.withdrawalReason,
  };
}

export function toConsentPageResponse(page: Page<ConsentEntity>): ConsentPageResponseDto {
  const now = new Date();
  return {
    items: page.items.map((item) => toConsentResponse(item, now)),
    nextCursor: page.nextCursor,
  };
}
