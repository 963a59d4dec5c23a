import { Injectable } from '@nestjs/common';
import { PARTNERS_STREAM, partnerReferralSubject } from '@mrm/contracts';
import { addPullConsumerIfMissing, isNotFound, JetStreamConnection } from '@mrm/messaging';
import type { ConsumerInfo } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

// A partner's desk may take its time with a referral; unanswered deliveries come back after this.
const PARTNER_ACK_WAIT_MS = 5 * 60 * 1000;
const PARTNER_MAX_ACK_PENDING = 1000;

/**
 * The partners' durable pull consumers on `PARTNERS`: one named `<code>`, filtered on
 * `partners.<code>.referrals.>` (the NATS permissions name exactly this consumer), created when
 * the partner is provisioned and deleted on revocation.
 */
@Injectable()
export class PartnerConsumers {
  constructor(private readonly connection: JetStreamConnection) {}

  get stream(): string {
    return this.connection.namespace.stream(PARTNERS_STREAM);
  }

  async ensure(busCode: string): Promise<void> {
    await this.connection.ready();
    const filter = this.connection.namespace.subject(
      partnerReferralSubject(busCode, 'requested').replace(/\.requested$/, '.>'),
    );
    await addPullConsumerIfMissing(this.connection.jsm, this.stream, {
      durable_name: busCode,
      filter_subject: filter,
      ack_wait: nanos(PARTNER_ACK_WAIT_MS),
      max_ack_pending: PARTNER_MAX_ACK_PENDING,
      description: `partner ${busCode}: its referrals`,
    });
  }

  /** Deletes the consumer (and what it had not delivered stays in the stream, unreachable). */
  async remove(busCode: string): Promise<void> {
    await this.connection.ready();
    await this.connection.jsm.consumers.delete(this.stream, busCode).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
  }

  async info(busCode: string): Promise<ConsumerInfo | undefined> {
    if (!this.connection.isConnected()) return undefined;
    try {
      return await this.connection.jsm.consumers.info(this.stream, busCode);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}
