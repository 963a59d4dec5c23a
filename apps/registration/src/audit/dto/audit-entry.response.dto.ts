import { ApiProperty } from '@nestjs/swagger';

export class AuditActorDto {
  @ApiProperty({ example: 'cw-iom-1' }) readonly sub: string;
  @ApiProperty({ example: 'IOM' }) readonly org: string;
  @ApiProperty({ type: [String], example: ['case-worker'] }) readonly roles: string[];
}

export class AuditEntryResponseDto {
  @ApiProperty() readonly id: string;
  @ApiProperty() readonly at: string;
  @ApiProperty({ type: AuditActorDto }) readonly actor: AuditActorDto;
  @ApiProperty() readonly action: string;
  @ApiProperty() readonly resourceType: string;
  @ApiProperty({ type: [String] }) readonly resourceIds: string[];
  @ApiProperty({ type: String, nullable: true }) readonly reason: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly correlationId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  readonly details: Record<string, unknown> | null;
}

export class AuditEntryPageDto {
  @ApiProperty({ type: [AuditEntryResponseDto] }) readonly items: AuditEntryResponseDto[];
  @ApiProperty({ type: String, nullable: true }) readonly nextCursor: string | null;
}

/** Copies whitelisted fields only. */
export function toAuditEntryResponse(row: AuditRow): AuditEntryResponseDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { sub: row.actor_sub, org: row.actor_org, roles: row.actor_roles },
    action: row.action,
    resourceType: row.resource_type,
    resourceIds: row.resource_ids,
    reason: row.reason,
    correlationId: row.correlation_id,
    details: row.details,
  };
}

/** A row of `audit_entry` as read by the list query. */
export interface AuditRow {
  readonly id: string;
  readonly at: Date;
  readonly actor_sub: string;
  readonly actor_org: string;
  readonly actor_roles: string[];
  readonly action: string;
  readonly resource_type: string;
  readonly resource_ids: string[];
  readonly reason: string | null;
  readonly correlation_id: string | null;
  readonly details: Record<string, unknown> | null;
  readonly cursor_at: string;
}
