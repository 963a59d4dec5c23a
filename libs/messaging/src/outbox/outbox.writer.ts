import { Injectable } from '@nestjs/common';
import {
  findEventDefinition,
  validatePayload,
  type BuildOptions,
  type EventDefinition,
  type EventEnvelope,
} from '@mrm/contracts';
import { contextOrNew } from '@mrm/observability';
import type { EntityManager } from 'typeorm';
import { contractSubjectOf } from '../contract-subject';
import { EventContractViolation } from '../errors';

/** Channel the relay LISTENs on; NOTIFY inside a transaction is delivered only if it commits. */
export const OUTBOX_CHANNEL = 'mrm_outbox';

/** At most this many ids ride on one notification: a NOTIFY payload is limited to 8000 bytes. */
export const NOTIFIED_IDS_MAX = 200;

/** An outbox row's values, for a change that writes it in its own statement (see `row`). */
export interface OutboxRowValues {
  readonly id: string;
  readonly type: string;
  readonly subject: string;
  /** The envelope as JSON text. */
  readonly payload: string;
  readonly occurredAt: string;
}

/** One event for `appendAll`: what `append` takes, as one value. */
export interface OutboxEvent<T extends object = object> {
  readonly definition: EventDefinition<T>;
  readonly data: T;
  readonly options: Pick<BuildOptions, 'subject'> & Partial<BuildOptions>;
}

/**
 * Appends events to the outbox inside the caller's transaction. This is the only way a service
 * emits an event: nothing is published to NATS from a business transaction.
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
    await this.insert(em, [envelope]);
    return envelope;
  }

  /** Appends several events in one round trip, in the given order, each checked first. */
  async appendAll(
    em: EntityManager,
    events: ReadonlyArray<OutboxEvent>,
  ): Promise<Array<EventEnvelope<object>>> {
    const envelopes = events.map(({ definition, data, options }) =>
      this.envelopeOf(definition, data, options),
    );
    await this.insert(em, envelopes);
    return envelopes;
  }

  /**
   * Appends an event routed to a subject of its own rather than its contract's (the partner bus:
   * `partners.<code>.referrals.<event>`); `subject` is without deployment namespace.
   */
  async appendOnSubject<T extends object>(
    em: EntityManager,
    definition: EventDefinition<T>,
    data: T,
    options: Pick<BuildOptions, 'subject'> & Partial<BuildOptions>,
    subject: string,
  ): Promise<EventEnvelope<T>> {
    const envelope = this.envelopeOf(definition, data, options);
    await this.insert(em, [envelope], [subject]);
    return envelope;
  }

  /** Appends envelopes built elsewhere, each checked against its contract first. */
  async appendEnvelopes(em: EntityManager, envelopes: ReadonlyArray<EventEnvelope>): Promise<void> {
    for (const envelope of envelopes) assertFulfilsContract(envelope);
    await this.insert(em, envelopes);
  }

  /**
   * The row `append` would write, for a repository that inserts it in the statement of its change
   * (atomic with it) and selects `pg_notify(OUTBOX_CHANNEL, <its id>)` to wake the relay. Data
   * fields `K` are left out: that statement sets them in the payload (a number it draws, say).
   */
  row<T extends object, K extends keyof T & string = never>(
    definition: EventDefinition<T>,
    data: Omit<T, K>,
    options: Pick<BuildOptions, 'subject'> & Partial<BuildOptions>,
    filledByStatement: readonly K[] = [],
  ): OutboxRowValues {
    const envelope = this.envelopeOf(definition, data as T, options, filledByStatement);
    return {
      id: envelope.id,
      type: envelope.type,
      subject: contractSubjectOf(envelope),
      payload: JSON.stringify(envelope),
      occurredAt: envelope.time,
    };
  }

  // A producer checks its event against the contract before writing it: an event its consumers
  // would refuse (and dead-letter) is a bug of the producer, stopped with the transaction.
  private envelopeOf<T extends object>(
    definition: EventDefinition<T>,
    data: T,
    options: Pick<BuildOptions, 'subject'> & Partial<BuildOptions>,
    filledByStatement: readonly string[] = [],
  ): EventEnvelope<T> {
    const validation = validatePayload(definition, data);
    const violations = validation.ok
      ? []
      : validation.violations.filter((violation) => !filledByStatement.includes(violation.field));
    if (violations.length > 0) throw new EventContractViolation(definition.type, violations);
    const context = contextOrNew();
    return definition.build(data, {
      correlationId: context.correlationId,
      causationId: context.causationId,
      traceparent: context.traceparent,
      ...options,
    });
  }

  private async insert(
    em: EntityManager,
    envelopes: ReadonlyArray<EventEnvelope>,
    subjects: readonly string[] = envelopes.map((envelope) => contractSubjectOf(envelope)),
  ): Promise<void> {
    if (envelopes.length === 0) return;
    if (!em.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.append must run inside the business transaction');
    }
    // One round trip for any number of events, NOTIFY included: a data-modifying CTE always runs
    // to completion, and the notification is still delivered only if the transaction commits.
    await em.query(APPEND_SQL, [
      envelopes.map((envelope) => envelope.id),
      envelopes.map((envelope) => envelope.type),
      subjects,
      envelopes.map((envelope) => JSON.stringify(envelope)),
      envelopes.map((envelope) => envelope.time),
      OUTBOX_CHANNEL,
    ]);
  }
}

function assertFulfilsContract(envelope: EventEnvelope): void {
  const definition = findEventDefinition(envelope.type);
  if (!definition) {
    throw new EventContractViolation(envelope.type, [{ field: '', message: 'no such event type' }]);
  }
  const validation = validatePayload(definition, envelope.data);
  if (!validation.ok) throw new EventContractViolation(envelope.type, validation.violations);
}

// The rows, and a NOTIFY naming them so that the relay claims them by primary key (ADR 0009);
// beyond NOTIFIED_IDS_MAX ids the payload is empty and the relay scans instead.
const APPEND_SQL = `WITH appended AS (
  INSERT INTO outbox_message (id, type, subject, payload, occurred_at)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::timestamptz[])
  RETURNING id
)
SELECT pg_notify($6, (SELECT CASE WHEN count(*) <= ${NOTIFIED_IDS_MAX}
                                  THEN string_agg(id::text, ',') ELSE '' END FROM appended))`;
