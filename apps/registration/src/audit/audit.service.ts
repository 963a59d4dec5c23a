import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { uuidv7 } from '@mrm/contracts';
import { decodeCursor, toPage, type Page } from '@mrm/http';
import { currentContext } from '@mrm/observability';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditAction } from './audit-actions';
import {
  toAuditEntryResponse,
  type AuditEntryResponseDto,
  type AuditRow,
} from './dto/audit-entry.response.dto';

export interface AuditRecordInput {
  readonly actor: Principal;
  readonly action: AuditAction;
  readonly resourceType: string;
  readonly resourceIds: readonly string[];
  readonly reason?: string | null;
  /** Non-identifying context only: never a name, phone, address or document number. */
  readonly details?: Record<string, unknown>;
}

export interface AuditQuery {
  readonly actor?: string;
  readonly resourceId?: string;
  readonly action?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * The audit trail of personal data (law 09-08: reads and exports are traced). Writes pass the
 * business transaction's `em`, so the entry commits or rolls back with the change; reads and
 * searches write their own.
 */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(em: EntityManager | undefined, entry: AuditRecordInput): Promise<void> {
    await (em ?? this.dataSource.manager).query(ENTRY_SQL, this.entryValues(entry));
  }

  /**
   * The values of one entry in the column order of its INSERT (`at` is `now()`), for a change that
   * writes its entry in its own statement.
   */
  entryValues(entry: AuditRecordInput): unknown[] {
    return [
      uuidv7(),
      entry.actor.sub,
      entry.actor.org,
      entry.actor.roles,
      entry.action,
      entry.resourceType,
      [...entry.resourceIds],
      entry.reason ?? null,
      currentContext()?.correlationId ?? null,
      entry.details ? JSON.stringify(entry.details) : null,
    ];
  }

  async list(query: AuditQuery): Promise<Page<AuditEntryResponseDto>> {
    const after = decodeCursor(query.cursor);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.actor) add('actor_sub = ?', query.actor);
    if (query.resourceId) add('resource_ids @> ARRAY[?]::uuid[]', query.resourceId);
    if (query.action) add('action = ?', query.action);
    if (query.from) add('at >= ?', query.from);
    if (query.to) add('at < ?', query.to);
    if (after) {
      params.push(after.createdAt, after.id);
      where.push(`(at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(query.limit + 1);
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT *, ${CURSOR_TEXT} AS cursor_at FROM audit_entry
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return toPage({
      rows,
      limit: query.limit,
      keyOf: (row) => ({ createdAt: row.cursor_at, id: row.id }),
      map: toAuditEntryResponse,
    });
  }
}

const ENTRY_SQL = `INSERT INTO audit_entry (id, at, actor_sub, actor_org, actor_roles, action,
         resource_type, resource_ids, reason, correlation_id, details)
       VALUES ($1, now(), $2, $3, $4, $5, $6, $7::uuid[], $8, $9, $10)`;

// Microsecond text of the sort key: a JavaScript Date would drop the microseconds and skip rows.
const CURSOR_TEXT = `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
