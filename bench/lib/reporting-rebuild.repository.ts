import type { Client } from 'pg';
import type { RawMessage } from './raw-consume';

/**
 * The SQL of stage 11 against reporting's database, over a bare `pg` client: the raw ceiling's
 * table of minimal rows (one per event: id, type, aggregate, time and the person it concerns) and
 * the row counts that check the rebuild.
 */
export class ReportingRebuildBenchRepository {
  constructor(private readonly sql: Client) {}

  async createRawTable(): Promise<void> {
    await this.sql.query(
      `CREATE TABLE raw_event (
         event_id uuid PRIMARY KEY,
         type text NOT NULL,
         subject text NOT NULL,
         occurred_at timestamptz NOT NULL,
         beneficiary_id uuid
       )`,
    );
  }

  async clearRawTable(): Promise<void> {
    await this.sql.query('TRUNCATE raw_event');
  }

  /** One multi-row INSERT of the batch (five arrays, unnest), committed on its own. */
  async insertRaw(batch: readonly RawMessage[]): Promise<void> {
    if (batch.length === 0) return;
    await this.sql.query(
      `INSERT INTO raw_event (event_id, type, subject, occurred_at, beneficiary_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::uuid[])`,
      [
        batch.map((message) => message.id),
        batch.map((message) => message.type),
        batch.map((message) => message.subject),
        batch.map((message) => message.time),
        batch.map((message) => message.data.beneficiaryId ?? null),
      ],
    );
  }

  /** Rows of a table of reporting's own schema (names come from `FACT_TABLES`, never input). */
  async countRows(table: string): Promise<number> {
    const result = await this.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    return result.rows[0].n;
  }
}
