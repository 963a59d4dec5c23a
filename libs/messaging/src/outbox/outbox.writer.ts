import { Injectable } from '@nestjs/common';
import type { BuildOptions, EventDefinition, EventEnvelope } from '@mrm/contracts';
import { contractSubjectOf } from '../contract-subject';
import { contextOrNew } from '@mrm/observability';
import type { EntityManager } from 'typeorm';

/** Channel the relay LISTENs on; NOTIFY inside a transaction is delivered only if it commits. */
export const OUTBOX_CHANNEL = 'mrm_outbox';

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
    const context = contextOrNew();
    const envelope = definition.build(data, {
      correlationId: context.correlationId,
      causationId: context.causationId,
      traceparent: context.traceparent,
      ...options,
    });
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
    await em.query(
      `WITH appended AS (
         INSERT INTO outbox_message (id, type, subject, payload, occurred_at)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::timestamptz[])
       )
       SELECT pg_notify($6, '')`,
      [
        envelopes.map((envelope) => envelope.id),
        envelopes.map((envelope) => envelope.type),
        envelopes.map((envelope) => contractSubjectOf(envelope)),
        envelopes.map((envelope) => JSON.stringify(envelope)),
        envelopes.map((envelope) => envelope.time),
        OUTBOX_CHANNEL,
      ],
    );
  }
}
