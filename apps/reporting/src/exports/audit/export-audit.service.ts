import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { uuidv7 } from '@mrm/contracts';
import { decodeCursor, toPage, type Page } from '@mrm/http';
import { currentContext } from '@mrm/observability';
import { DataSource } from 'typeorm';

export const EXPORT_KINDS = [
  'indicator-csv',
  'indicator-xlsx',
  'donor-report-xlsx',
  'donor-report-pdf',
  'dhis2-data-value-sets',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** One export as the audit trail keeps it: who, what, with which query, when. */
export interface ExportAuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actor: { readonly sub: string; readonly org: string; readonly roles: string[] };
  readonly kind: ExportKind;
  readonly subject: string;
  readonly query: Record<string, unknown>;
  readonly correlationId: string | null;
}

interface AuditRow {
  id: string;
  at: Date;
  cursor_at: string;
  actor_sub: string;
  actor_org: string;
  actor_roles: string[];
  export_kind: ExportKind;
  subject: string;
  query: Record<string, unknown>;
  correlation_id: string | null;
}

/**
 * The audit trail of exports (law 09-08: exports are traced), shaped as registration's audit of
 * reads: actor, what, the query, the correlation id. Aggregates only, so never a personal value.
 */
@Injectable()
export class ExportAuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(input: {
    actor: Principal;
    kind: ExportKind;
    subject: string;
    query: object;
  }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO export_audit (id, actor_sub, actor_org, actor_roles, export_kind, subject,
                                 query, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        uuidv7(),
        input.actor.sub,
        input.actor.org,
        input.actor.roles,
        input.kind,
        input.subject,
        JSON.stringify(input.query),
        currentContext()?.correlationId ?? null,
      ],
    );
  }

  async list(query: { limit: number; cursor?: string }): Promise<Page<ExportAuditEntry>> {
    const after = decodeCursor(query.cursor);
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT *, ${CURSOR_TEXT} AS cursor_at FROM export_audit
        WHERE $1::timestamptz IS NULL OR (at, id) < ($1::timestamptz, $2::uuid)
        ORDER BY at DESC, id DESC LIMIT $3`,
      [after?.createdAt ?? null, after?.id ?? null, query.limit + 1],
    );
    return toPage({
      rows,
      limit: query.limit,
      keyOf: (row) => ({ createdAt: row.cursor_at, id: row.id }),
      map: (row) => ({
        id: row.id,
        at: row.at.toISOString(),
        actor: { sub: row.actor_sub, org: row.actor_org, roles: row.actor_roles },
        kind: row.export_kind,
        subject: row.subject,
        query: row.query,
        correlationId: row.correlation_id,
      }),
    });
  }
}

// Microsecond text of the sort key: a JavaScript Date would drop the microseconds and skip rows.
const CURSOR_TEXT = `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
