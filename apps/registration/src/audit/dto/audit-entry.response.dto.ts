import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AuditEntryResponseDto {
  @ApiProperty() readonly id: string;
  @ApiProperty() readonly at: string;
  @ApiProperty() readonly actor: { sub: string; org: string; roles: string[] };
  @ApiProperty() readonly action: string;
  @ApiProperty() readonly resourceType: string;
  @ApiProperty({ type: [String] }) readonly resourceIds: string[];
  @ApiPropertyOptional() readonly reason: string | null;
  @ApiPropertyOptional() readonly correlationId: string | null;
  @ApiPropertyOptional() readonly details: Record<string, unknown> | null;
}

export class AuditEntryPageDto {
  @ApiProperty({ type: [AuditEntryResponseDto] }) readonly items: AuditEntryResponseDto[];
  @ApiPropertyOptional({ nullable: true }) readonly nextCursor: string | null;
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
