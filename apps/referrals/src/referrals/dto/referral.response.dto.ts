import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REFERRAL_PRIORITIES, REFERRAL_STATUSES } from '@mrm/contracts';
import type { Page } from '@mrm/http';
import { measuresOf } from '../referral-facts';
import type { ReferralTransitionEntity } from '../referral-transition.entity';
import type { ReferralEntity } from '../referral.entity';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export class ReferralMeasuresResponseDto {
  @ApiPropertyOptional() readonly secondsToAcknowledge?: number;
  @ApiPropertyOptional() readonly acknowledgedWithinDeadline?: boolean;
  @ApiPropertyOptional() readonly secondsToAnswer?: number;
  @ApiPropertyOptional() readonly answeredWithinDeadline?: boolean;
  @ApiProperty() readonly outcomeReported: boolean;
}

export class ReferralResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ format: 'uuid' }) readonly beneficiaryId: string;
  @ApiProperty() readonly referringOrg: string;
  @ApiProperty() readonly referringOfficer: string;
  @ApiProperty() readonly receivingOrg: string;
  @ApiProperty({ format: 'uuid' }) readonly serviceId: string;
  @ApiProperty() readonly serviceType: string;
  @ApiProperty() readonly reason: string;
  @ApiProperty({ type: [String] }) readonly servicesRequested: string[];
  @ApiProperty({ enum: REFERRAL_PRIORITIES }) readonly priority: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) readonly consentId: string | null;
  @ApiProperty() readonly consentOverridden: boolean;
  @ApiProperty({ type: [String] }) readonly dataCategories: string[];
  @ApiProperty({ nullable: true, type: String }) readonly notes: string | null;
  @ApiProperty({ enum: REFERRAL_STATUSES }) readonly status: string;
  @ApiProperty({ nullable: true, type: String }) readonly businessStatus: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly rejectionReason: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly outcome: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly holdReason: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly redirectedFromId: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly redirectedToId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readonly requestedAt:
    string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  readonly acknowledgementDueAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readonly answerDueAt:
    string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  readonly acknowledgedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readonly answeredAt:
    string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readonly closedAt:
    string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readonly escalatedAt:
    string | null;
  @ApiProperty({ type: ReferralMeasuresResponseDto })
  readonly measures: ReferralMeasuresResponseDto;
  @ApiProperty({ description: 'Also the ETag; send it as If-Match on transitions' })
  readonly version: number;
  @ApiProperty({ format: 'date-time' }) readonly createdAt: string;
  @ApiProperty({ format: 'date-time' }) readonly updatedAt: string;
}

export class ReferralPageResponseDto {
  @ApiProperty({ type: [ReferralResponseDto] }) readonly items: ReferralResponseDto[];
  @ApiProperty({ nullable: true, type: String }) readonly nextCursor: string | null;
}

export class ReferralTransitionResponseDto {
  @ApiProperty() readonly action: string;
  @ApiProperty({ nullable: true, type: String }) readonly fromStatus: string | null;
  @ApiProperty() readonly toStatus: string;
  @ApiProperty({ description: '`sub` of the actor, `system` for deadlines and consent' })
  readonly actor: string;
  @ApiProperty() readonly actorOrg: string;
  @ApiProperty({ nullable: true, type: String }) readonly note: string | null;
  @ApiProperty({ format: 'date-time' }) readonly occurredAt: string;
}

export function toReferralResponse(entity: ReferralEntity): ReferralResponseDto {
  return {
    id: entity.id,
    beneficiaryId: entity.beneficiaryId,
    referringOrg: entity.referringOrg,
    referringOfficer: entity.referringOfficer,
    receivingOrg: entity.receivingOrg,
    serviceId: entity.serviceId,
    serviceType: entity.serviceType,
    reason: entity.reason,
    servicesRequested: [...entity.servicesRequested],
    priority: entity.priority,
    consentId: entity.consentId,
    consentOverridden: entity.consentOverridden,
    dataCategories: [...entity.dataCategories],
    notes: entity.notes,
    status: entity.status,
    businessStatus: entity.businessStatus,
    rejectionReason: entity.rejectionReason,
    outcome: entity.outcome,
    holdReason: entity.holdReason,
    redirectedFromId: entity.redirectedFromId,
    redirectedToId: entity.redirectedToId,
    requestedAt: iso(entity.requestedAt),
    acknowledgementDueAt: iso(entity.acknowledgementDueAt),
    answerDueAt: iso(entity.answerDueAt),
    acknowledgedAt: iso(entity.acknowledgedAt),
    answeredAt: iso(entity.answeredAt),
    closedAt: iso(entity.closedAt),
    escalatedAt: iso(entity.escalatedAt),
    measures: measuresOf(entity),
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

export function toReferralPageResponse(page: Page<ReferralEntity>): ReferralPageResponseDto {
  return { items: page.items.map(toReferralResponse), nextCursor: page.nextCursor };
}

export function toReferralHistoryResponse(
  rows: ReferralTransitionEntity[],
): ReferralTransitionResponseDto[] {
  return rows.map((row) => ({
    action: row.action,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    actor: row.actorSub,
    actorOrg: row.actorOrg,
    note: row.note,
    occurredAt: row.occurredAt.toISOString(),
  }));
}
