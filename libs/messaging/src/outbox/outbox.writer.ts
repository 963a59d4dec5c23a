import { Injectable } from '@nestjs/common';
import type { BuildOptions, EventDefinition, EventEnvelope } from '@mrm/contracts';
import { contextOrNew } from '@mrm/observability';
import { combineStatements, type SqlStatement } from '@mrm/persistence';
import type { EntityManager } from 'typeorm';
import { contractSubjectOf } from '../contract-subject';

/** Channel the relay LISTENs on; NOTIFY inside a transaction is delivered only if it commits. */
export const OUTBOX_CHANNEL = 'mrm_outbox';

/** At most this many ids ride on one notification: a NOTIFY payload is limited to 8000 bytes. */
export const NOTIFIED_IDS_MAX = 200;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * What wakes the relay, as a select-list item of a statement whose CTE `appended` wrote outbox
 * rows: a NOTIFY carrying their ids, so that the relay claims them by primary key instead of
 * scanning the outbox. Beyond {@link NOTIFIED_IDS_MAX} rows the payload is empty and the relay
 * scans. Delivered only if the statement's transaction commits.
 */
export function outboxNotify(appended: string): SqlStatement {
  if (!IDENTIFIER.test(appended)) throw new Error(`not an SQL identifier: ${appended}`);
  return {
    sql: `pg_notify($1, (SELECT CASE WHEN count(*) <= ${NOTIFIED_IDS_MAX}
                                     THEN string_agg(id::text, ',') ELSE '' END FROM ${appended}))`,
    params: [OUTBOX_CHANNEL],
  };
}

/**
 * Data fields of an event that the statement writing it computes itself (a number from a
 * sequence, say): each is taken from a column of the one row of `relation`, a CTE of that statement.
 */
export interface EventDataFromRow<K extends string> {
  readonly relation: string;
  readonly fields: Readonly<Record<K, string>>;
}

/**
 * Appends events to the outbox inside the caller's transaction, or as part of the caller's single
 * statement. This is the only way a service emits an event: nothing is published to NATS from a
 * business transaction.
 */
@Injectable()
export class OutboxWriter {
  /** Builds an envelope from the contract, stamping the current correlation/causation ids. */
  async append<T extends object>(
    em: EntityManager,
    definition: EventDefinition<T>,
    data: T,
    options: Pick<BuildOptions, 'subject'> & Partial<BuildOptions>,
  ): Promise<EventEnvelope<T>> {
    const envelope = this.envelopeOf(definition, data, options);
    await this.appendEnvelopes(em, [envelope]);
    return envelope;
  }

  async appendEnvelopes(em: EntityManager, envelopes: ReadonlyArray<EventEnvelope>): Promise<void> {
    if (envelopes.length === 0) return;
    if (!em.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.append must run inside the business transaction');
    }
    // One round trip for any number of events, NOTIFY included: a data-modifying CTE always runs
    // to completion, and the notification is still delivered only if the transaction commits.
    const { sql, params } = combineStatements(
      [{ name: APPENDED, statement: this.rowsStatement(envelopes) }],
      SELECT_NOTIFY_APPENDED,
    );
    await em.query(sql, params);
  }

  /**
   * The outbox row of one event as a write of the caller's own statement (`combineStatements`),
   * for a change written in one statement: atomic with it, without a transaction. The statement
   * must also select {@link outboxNotify} of it to wake the relay. `fromRow` names the data fields
   * the same statement computes.
   */
  eventStatement<T extends object, K extends keyof T & string = never>(
    definition: EventDefinition<T>,
    data: Omit<T, K>,
    options: Pick<BuildOptions, 'subject'> & Partial<BuildOptions>,
    fromRow?: EventDataFromRow<K>,
  ): SqlStatement {
    return this.rowsStatement([this.envelopeOf(definition, data as T, options)], fromRow);
  }

  private envelopeOf<T extends object>(
    definition: EventDefinition<T>,
    data: T,
    options: Pick<BuildOptions, 'subject'> & Partial<BuildOptions>,
  ): EventEnvelope<T> {
    const context = contextOrNew();
    return definition.build(data, {
      correlationId: context.correlationId,
      causationId: context.causationId,
      traceparent: context.traceparent,
      ...options,
    });
  }

  private rowsStatement(
    envelopes: ReadonlyArray<EventEnvelope>,
    fromRow?: EventDataFromRow<string>,
  ): SqlStatement {
    return {
      sql: fromRow ? this.sqlFillingFrom(fromRow) : PLAIN_ROWS_SQL,
      params: [
        envelopes.map((envelope) => envelope.id),
        envelopes.map((envelope) => envelope.type),
        envelopes.map((envelope) => contractSubjectOf(envelope)),
        envelopes.map((envelope) => JSON.stringify(envelope)),
        envelopes.map((envelope) => envelope.time),
      ],
    };
  }

  // Callers pass a constant `fromRow`: its text is built once.
  private readonly sqlByFromRow = new WeakMap<EventDataFromRow<string>, string>();

  private sqlFillingFrom(fromRow: EventDataFromRow<string>): string {
    let sql = this.sqlByFromRow.get(fromRow);
    if (sql === undefined) {
      const fields = Object.entries(fromRow.fields);
      for (const name of [fromRow.relation, ...fields.flat()]) {
        if (!IDENTIFIER.test(name)) throw new Error(`not an SQL identifier: ${name}`);
      }
      const payload = fields.reduce(
        (json, [field, column]) => `jsonb_set(${json}, '{data,${field}}', to_jsonb(r.${column}))`,
        'e.payload',
      );
      sql = rowsSql(payload, ` CROSS JOIN ${fromRow.relation} AS r`);
      this.sqlByFromRow.set(fromRow, sql);
    }
    return sql;
  }
}

function rowsSql(payload: string, join: string): string {
  return `INSERT INTO outbox_message (id, type, subject, payload, occurred_at)
         SELECT e.id, e.type, e.subject, ${payload}, e.occurred_at
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::timestamptz[])
                AS e(id, type, subject, payload, occurred_at)${join}
         RETURNING id`;
}

const PLAIN_ROWS_SQL = rowsSql('e.payload', '');

const APPENDED = 'appended';
const NOTIFY_APPENDED = outboxNotify(APPENDED);
const SELECT_NOTIFY_APPENDED: SqlStatement = {
  sql: `SELECT ${NOTIFY_APPENDED.sql}`,
  params: NOTIFY_APPENDED.params,
};
