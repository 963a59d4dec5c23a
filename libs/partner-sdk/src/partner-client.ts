import { jetstream, type Consumer, type JetStreamClient, type JsMsg } from '@nats-io/jetstream';
import { connect, headers, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import { compactDecrypt, importJWK, type JWK, type KeyLike } from 'jose';
import { deterministicAnswerId } from './answer-id';
import {
  PARTNERS_STREAM,
  streamIn,
  subjectIn,
  type ConsentedPerson,
  type ErasureRequest,
  type PartnerAnswer,
  type PartnerEvent,
  type ReferralFacts,
  type ReferralOutcome,
  type RefusalNotice,
  type RejectionReason,
} from './wire';

export interface PartnerCredentials {
  /** The institution's code on the bus, e.g. `anapec`. */
  readonly code: string;
  /** NATS server(s), e.g. `nats://bus.example.ma:4222`. */
  readonly servers: string | string[];
  /** The nkey seed (`SU…`) handed over at provisioning. */
  readonly seed?: string;
  /** The institution's private RSA key (JWK) that opens the encrypted packages. */
  readonly privateJwk: JWK;
  /** Deployment namespace (tests only). */
  readonly namespace?: string;
}

/** One message from the platform; settle it by answering, or with `ack()`. */
export type Delivery =
  | (DeliveryBase & { kind: 'referral'; referral: ReferralFacts; person?: ConsentedPerson })
  | (DeliveryBase & { kind: 'cancelled' | 'consent-withdrawn'; referral: ReferralFacts })
  | (DeliveryBase & { kind: 'erasure-requested'; erasure: ErasureRequest })
  | (DeliveryBase & { kind: 'notice'; notice: RefusalNotice });

interface DeliveryBase {
  /** `ce-id` of the platform's message. */
  readonly id: string;
  readonly event: PartnerEvent;
  /** Times the platform delivered it (more than 1 after a crash or a timeout). */
  readonly deliveryCount: number;
  /** Done with it: it will not come back. */
  ack(): Promise<void>;
  /** Not now: it comes back after `delayMs`. */
  nak(delayMs?: number): void;
}

export interface AnswerFields {
  readonly reason?: string;
  readonly outcome?: string;
  readonly serviceId?: string;
  readonly note?: string;
}

const FETCH_EXPIRES_MS = 2000;

/**
 * A partner system's connection to the platform: its own durable consumer over
 * `partners.<code>.referrals.>`, answers on `partners.<code>.responses.<answer>`. Nothing is lost
 * or repeated across a crash: a delivery is acked only once the answers to it are stored by the
 * platform (PubAck received), and an answer repeated after a crash carries the same `ce-id`.
 */
export class PartnerClient {
  private stopped = false;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly key: KeyLike | Uint8Array,
    private readonly credentials: PartnerCredentials,
  ) {}

  static async connect(credentials: PartnerCredentials): Promise<PartnerClient> {
    const nc = await connect({
      servers: credentials.servers,
      name: `partner-${credentials.code}`,
      // The only inbox the platform lets this partner subscribe to.
      inboxPrefix: `_INBOX_${credentials.code}`,
      ...(credentials.seed
        ? { authenticator: nkeyAuthenticator(new TextEncoder().encode(credentials.seed)) }
        : {}),
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    });
    const key = await importJWK(credentials.privateJwk, 'RSA-OAEP-256');
    return new PartnerClient(nc, jetstream(nc), key, credentials);
  }

  get code(): string {
    return this.credentials.code;
  }

  private get namespace(): string {
    return this.credentials.namespace ?? '';
  }

  /** Deliveries as they come, until `close()`; each must be settled (answered or acked). */
  async *referrals(options: { batch?: number } = {}): AsyncGenerator<Delivery> {
    const consumer: Consumer = await this.js.consumers.get(
      streamIn(this.namespace, PARTNERS_STREAM),
      this.code,
    );
    while (!this.stopped) {
      const messages = await consumer.fetch({
        max_messages: options.batch ?? 16,
        expires: FETCH_EXPIRES_MS,
      });
      for await (const message of messages) {
        if (this.stopped) return;
        yield await this.decode(message);
      }
    }
  }

  /** Acknowledged receipt (FHIR `received`); the delivery stays open for the decision. */
  received(delivery: Delivery): Promise<void> {
    return this.answer(delivery, 'received', {}, { ack: false });
  }
  accept(delivery: Delivery, fields: Pick<AnswerFields, 'note'> = {}): Promise<void> {
    return this.answer(delivery, 'accepted', fields);
  }
  reject(delivery: Delivery, reason: RejectionReason, note?: string): Promise<void> {
    return this.answer(delivery, 'rejected', { reason, note });
  }
  redirect(delivery: Delivery, serviceId: string, note?: string): Promise<void> {
    return this.answer(delivery, 'redirected', { serviceId, note });
  }
  progress(delivery: Delivery, note?: string): Promise<void> {
    return this.answer(delivery, 'in-progress', { note });
  }
  complete(delivery: Delivery, outcome: ReferralOutcome, note?: string): Promise<void> {
    return this.answer(delivery, 'completed', { outcome, note });
  }
  erasureDone(delivery: Delivery): Promise<void> {
    return this.answer(delivery, 'erasure-done', {});
  }

  /**
   * Publishes an answer about a delivery and waits for the platform to store it; then acks the
   * delivery unless `ack: false` (more answers to come about it).
   */
  async answer(
    delivery: Delivery,
    answer: PartnerAnswer,
    fields: AnswerFields,
    options: { ack?: boolean } = {},
  ): Promise<void> {
    const target =
      delivery.kind === 'erasure-requested'
        ? { erasureRequestId: delivery.erasure.erasureRequestId }
        : delivery.kind === 'notice'
          ? undefined
          : { referralId: delivery.referral.referralId };
    if (!target) throw new Error('a refusal notice is not answered: ack it');
    await this.publishAnswer({
      answer,
      id: deterministicAnswerId(this.code, delivery.id, answer),
      subject: target.referralId ?? target.erasureRequestId,
      data: { ...target, ...withoutUndefined(fields) },
      causationId: delivery.id,
    });
    if (options.ack ?? true) await delivery.ack();
  }

  /** Publishes one answer (CloudEvent, binary mode) and waits for its PubAck. */
  async publishAnswer(input: {
    answer: PartnerAnswer;
    id: string;
    subject: string;
    data: Record<string, unknown>;
    /** `ce-id` of the delivery answered: the platform's receipt of that very message. */
    causationId?: string;
  }): Promise<void> {
    const h = headers();
    h.set('ce-specversion', '1.0');
    h.set('ce-id', input.id);
    h.set('ce-type', `partner-answer.${input.answer}.v1`);
    h.set('ce-source', `/partners/${this.code}`);
    h.set('ce-subject', input.subject);
    h.set('ce-time', new Date().toISOString());
    h.set('ce-datacontenttype', 'application/json');
    h.set('ce-correlationid', input.id);
    if (input.causationId) h.set('ce-causationid', input.causationId);
    await this.js.publish(
      subjectIn(this.namespace, `partners.${this.code}.responses.${input.answer}`),
      JSON.stringify(input.data),
      { msgID: input.id, headers: h },
    );
  }

  /** Stops the iterator after its current delivery and closes the connection. */
  async close(): Promise<void> {
    this.stopped = true;
    await this.nc.drain().catch(() => this.nc.close());
  }

  /** True once the connection ended (closed here, or by the server on revocation). */
  isClosed(): boolean {
    return this.nc.isClosed();
  }

  /** The connection's end (to tell a revocation: the server closes it). */
  closed(): Promise<void | Error> {
    return this.nc.closed();
  }

  private async decode(message: JsMsg): Promise<Delivery> {
    const event = message.subject.split('.').at(-1) as PartnerEvent;
    const data = JSON.parse(new TextDecoder().decode(message.data)) as Record<string, unknown>;
    const base: DeliveryBase = {
      id: message.headers?.get('ce-id') ?? `seq-${message.info.streamSequence}`,
      event,
      deliveryCount: message.info.deliveryCount,
      ack: async () => {
        await message.ackAck();
      },
      nak: (delayMs) => message.nak(delayMs),
    };
    switch (event) {
      case 'requested': {
        const referral = data as unknown as ReferralFacts;
        const person = referral.personal ? await this.open(referral.personal) : undefined;
        return { ...base, kind: 'referral', referral, ...(person ? { person } : {}) };
      }
      case 'cancelled':
      case 'consent-withdrawn':
        return { ...base, kind: event, referral: data as unknown as ReferralFacts };
      case 'erasure-requested':
        return { ...base, kind: 'erasure-requested', erasure: data as unknown as ErasureRequest };
      case 'notice':
        return { ...base, kind: 'notice', notice: data as unknown as RefusalNotice };
    }
  }

  private async open(jwe: string): Promise<ConsentedPerson> {
    const { plaintext } = await compactDecrypt(jwe, this.key);
    return JSON.parse(new TextDecoder().decode(plaintext)) as ConsentedPerson;
  }
}

function withoutUndefined(fields: AnswerFields): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
