import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import {
  fromBinaryMessage,
  PARTNER_ANSWER_DEFINITIONS,
  PARTNER_ANSWERS,
  PARTNER_RESPONSES_STREAM,
  parsePartnerSubject,
  partnerNoticeV1,
  partnerReferralSubject,
  validatePayload,
  type EventEnvelope,
  type PartnerAnswer,
  type PartnerAnswerV1,
} from '@mrm/contracts';
import { DomainError } from '@mrm/errors';
import {
  addPullConsumerIfMissing,
  DeadLetterPublisher,
  JetStreamConnection,
  MESSAGING_OPTIONS,
  OutboxWriter,
  type MessagingOptions,
} from '@mrm/messaging';
import { MetricsRegistry } from '@mrm/observability';
import { isDatabaseUnreachable } from '@mrm/persistence';
import type { JsMsg } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { Counter } from 'prom-client';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@mrm/auth';
import { ErasureRequestsService } from '../erasures/erasure-requests.service';
import { ReferralTransitionsService } from '../referrals/referral-transitions.service';
import { KeyOrderedLanes } from './key-ordered-lanes';
import { ACTION_OF_ANSWER, missingFieldOf } from './partner-answers';
import { PartnerDeliveries } from './partner-deliveries.service';
import { PartnerRefusal } from './partner-refusal';
import { PartnerSystemsService } from './partner-systems.service';

const DURABLE = 'referrals';
const FETCH_EXPIRES_MS = 2000;
const RETRY_DELAY_MS = 1000;
// Longer than any retry delay of a handled answer, so that the one that went back first comes back
// before those deferred behind it.
const DEFERRED_RETRY_DELAY_MS = RETRY_DELAY_MS * 6;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class DuplicateAnswer extends Error {}

/**
 * Applies the partners' answers (`PARTNER_RESPONSES`, durable `referrals`). Partner messages are
 * untrusted: each is checked (subject, CloudEvent headers, contract, the partner is active, the
 * referral is addressed to it, the workflow allows the step) and applied once, with its inbox row
 * keyed by partner and `ce-id`. A refused answer goes to the dead-letter stream with its reason,
 * and a notice goes back to the partner on `partners.<code>.referrals.notice`. Answers about
 * different referrals are handled side by side (`CONSUMER_CONCURRENCY`), those about one referral
 * in stream order.
 */
@Injectable()
export class PartnerResponsesConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PartnerResponsesConsumer.name);
  private stopping = false;
  private loop?: Promise<void>;
  private readonly answers: Counter<'partner' | 'answer' | 'outcome'>;

  constructor(
    private readonly connection: JetStreamConnection,
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly outbox: OutboxWriter,
    private readonly systems: PartnerSystemsService,
    private readonly transitions: ReferralTransitionsService,
    private readonly erasures: ErasureRequestsService,
    private readonly deliveries: PartnerDeliveries,
    registry: MetricsRegistry,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    this.answers = new Counter({
      name: 'mrm_partner_answers_total',
      help: 'Answers received from partner systems, by outcome (applied, duplicate, refused)',
      labelNames: ['partner', 'answer', 'outcome'],
      registers: [registry.registry],
    });
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.loop;
  }

  private async run(): Promise<void> {
    // Side by side across referrals (CONSUMER_CONCURRENCY); one referral's answers in the order
    // the partner sent them (the stream's), each after the previous one settled.
    const lanes = new KeyOrderedLanes<JsMsg>(
      (message) => this.handle(message),
      (message) => settle(() => message.nak(DEFERRED_RETRY_DELAY_MS)),
    );
    while (!this.stopping) {
      try {
        await this.connection.ready();
        const stream = this.connection.namespace.stream(PARTNER_RESPONSES_STREAM);
        await this.ensureConsumer(stream);
        const consumer = await this.connection.js.consumers.get(stream, DURABLE);
        while (!this.stopping) {
          await lanes.below(this.options.concurrency);
          // Only as many as there is room for: nothing waits in this replica's buffer while
          // another replica is idle. The loop only hands messages over and reads on, so the
          // fetch sees its heartbeats however long an answer takes.
          const batch = await consumer.fetch({
            max_messages: this.options.concurrency - lanes.size,
            expires: FETCH_EXPIRES_MS,
          });
          for await (const message of batch) lanes.add(orderingKeyOf(message), message);
        }
      } catch (error) {
        if (this.stopping) break;
        this.logger.warn(`partner answers interrupted: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
    }
    await lanes.drained();
  }

  private async ensureConsumer(stream: string): Promise<void> {
    await addPullConsumerIfMissing(this.connection.jsm, stream, {
      durable_name: DURABLE,
      filter_subject: this.connection.namespace.subject('partners.*.responses.>'),
      ack_wait: nanos(this.options.ackWaitMs),
      max_ack_pending: 1000,
      description: 'referrals applying the partners answers',
    });
  }

  /**
   * Never rejects: the loop goes on with the next answer. False when the answer went back to the
   * server for a retry (nak), so that later answers about the same referral wait for it.
   */
  private async handle(message: JsMsg): Promise<boolean> {
    const subject = this.connection.namespace.unprefixed(message.subject);
    const parsed = parsePartnerSubject(subject);
    if (!parsed || parsed.direction !== 'responses') {
      // The stream's subjects make this impossible; an operator's stray publish, say.
      return this.refuse(message, undefined, new PartnerRefusal('invalid-subject', subject));
    }
    const code = parsed.code;
    let envelope: EventEnvelope | undefined;
    try {
      const answer = answerOf(parsed.name);
      envelope = fromBinaryMessage((name) => message.headers?.get(name), message.data);
      const data = this.check(answer, envelope);
      await this.dataSource.transaction(async (em) => {
        if (!(await this.recordInInbox(em, code, envelope!))) throw new DuplicateAnswer();
        await this.apply(em, code, answer, envelope!, data);
      });
      settle(() => message.ack());
      this.answers.inc({ partner: code, answer: parsed.name, outcome: 'applied' });
      return true;
    } catch (error) {
      if (error instanceof DuplicateAnswer) {
        settle(() => message.ack());
        this.answers.inc({ partner: code, answer: parsed.name, outcome: 'duplicate' });
        return true;
      }
      if (isDatabaseUnreachable(error)) {
        settle(() => message.nak(RETRY_DELAY_MS * 2));
        return false;
      }
      const refusal =
        error instanceof PartnerRefusal
          ? error
          : error instanceof DomainError
            ? new PartnerRefusal(
                refusalReasonOf(error),
                error.detail ?? error.title,
                referralIdOf(envelope),
              )
            : undefined;
      if (!refusal) {
        this.logger.error(
          `answer of ${code} on ${subject} failed, retried: ${(error as Error).message}`,
        );
        settle(() => message.nak(RETRY_DELAY_MS * 5));
        return false;
      }
      const refused = await this.refuse(message, { code, envelope }, refusal);
      if (refused) this.answers.inc({ partner: code, answer: parsed.name, outcome: 'refused' });
      return refused;
    }
  }

  private check(answer: PartnerAnswer, envelope: EventEnvelope): PartnerAnswerV1 {
    const definition = PARTNER_ANSWER_DEFINITIONS[answer];
    if (!UUID.test(envelope.id)) {
      throw new PartnerRefusal('invalid-headers', 'ce-id must be a UUID');
    }
    if (envelope.type !== definition.type) {
      throw new PartnerRefusal(
        'invalid-headers',
        `ce-type ${envelope.type} on a ${answer} subject`,
      );
    }
    const validation = validatePayload(definition, envelope.data);
    if (!validation.ok) {
      const detail = validation.violations.map((v) => `${v.field}: ${v.message}`).join('; ');
      throw new PartnerRefusal('invalid-payload', detail);
    }
    const missing = missingFieldOf(answer, validation.value);
    if (missing) throw new PartnerRefusal('invalid-payload', `${answer} requires ${missing}`);
    return validation.value;
  }

  private async apply(
    em: EntityManager,
    code: string,
    answer: PartnerAnswer,
    envelope: EventEnvelope,
    data: PartnerAnswerV1,
  ): Promise<void> {
    const system = await this.systems.findByBusCode(em, code);
    if (!system || system.status !== 'active') {
      throw new PartnerRefusal('unknown-partner', `no active partner system ${code}`);
    }
    const principal: Principal = { sub: `partner-system:${code}`, org: system.org, roles: [] };
    if (answer === 'erasure-done') {
      await this.erasures.acknowledgeIn(em, { principal, id: data.erasureRequestId! });
      return;
    }
    const referralId = data.referralId!;
    const [referral]: Array<{ receivingOrg: string; status: string }> = await em.query(
      'SELECT receiving_org AS "receivingOrg", status FROM referral WHERE id = $1',
      [referralId],
    );
    if (!referral || referral.status === 'draft') {
      throw new PartnerRefusal('not-found', `referral ${referralId}`, referralId);
    }
    // Checked here, not only by the workflow: a partner must not even learn the referral exists.
    if (referral.receivingOrg !== system.org) {
      throw new PartnerRefusal(
        'not-addressed-to-you',
        `referral ${referralId} is not addressed to ${code}`,
        referralId,
      );
    }
    await this.transitions.transitionIn(em, {
      principal,
      referralId,
      action: ACTION_OF_ANSWER[answer],
      expectedVersion: undefined,
      note: data.note,
      rejectionReason: data.reason,
      outcome: data.outcome,
      redirectServiceId: data.serviceId,
    });
    await this.deliveries.acknowledge(em, {
      busCode: code,
      referralId,
      answerId: envelope.id,
      messageId: envelope.causationid,
    });
  }

  private async recordInInbox(
    em: EntityManager,
    code: string,
    envelope: EventEnvelope,
  ): Promise<boolean> {
    // Keyed by partner too: one partner cannot block another's answer by reusing its ce-id.
    const rows: unknown[] = await em.query(
      `INSERT INTO inbox_message (consumer, message_id, type) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING message_id`,
      [`partner:${code}`, envelope.id, envelope.type],
    );
    return rows.length === 1;
  }

  /**
   * Dead-letters the answer (deduplicated by its stream sequence), then notices the partner once
   * (the inbox row, when the answer has a usable id), then terminates it. False when that could
   * not be done and the answer went back for a retry.
   */
  private async refuse(
    message: JsMsg,
    origin: { code: string; envelope?: EventEnvelope } | undefined,
    refusal: PartnerRefusal,
  ): Promise<boolean> {
    try {
      await this.deadLetters.publish(message, 'rejected', refusal);
      if (origin) {
        await this.dataSource.transaction(async (em) => {
          const id = origin.envelope?.id;
          const inboxed =
            id && UUID.test(id)
              ? await this.recordInInbox(em, origin.code, origin.envelope!)
              : true;
          if (!inboxed) return;
          await this.outbox.appendOnSubject(
            em,
            partnerNoticeV1,
            {
              refusedEventId: String(id ?? `seq:${message.info.streamSequence}`).slice(0, 200),
              ...(refusal.referralId ? { referralId: refusal.referralId } : {}),
              reason: refusal.reason,
              detail: refusal.detail.slice(0, 1000),
            },
            { subject: refusal.referralId ?? origin.code },
            partnerReferralSubject(origin.code, 'notice'),
          );
        });
      }
    } catch (error) {
      this.logger.error(`cannot refuse ${message.subject}: ${(error as Error).message}`);
      settle(() => message.nak(RETRY_DELAY_MS * 5));
      return false;
    }
    this.logger.warn(`refused ${message.subject} (${refusal.reason})`);
    // The reason is in the dead letter; older servers redeliver a term that carries one.
    settle(() =>
      this.connection.supportsTermReason() ? message.term(refusal.reason) : message.term(),
    );
    return true;
  }
}

// The referral (or erasure request) an answer is about, as the partner's `ce-subject` names it;
// a message without one is ordered with nothing else.
function orderingKeyOf(message: JsMsg): string {
  return message.headers?.get('ce-subject') || `seq:${message.info.streamSequence}`;
}

// The referral a refused answer named, for its notice: the partner's own input echoed back, which
// tells it nothing it did not send.
function referralIdOf(envelope: EventEnvelope | undefined): string | undefined {
  const referralId = (envelope?.data as { referralId?: unknown } | undefined)?.referralId;
  return typeof referralId === 'string' && UUID.test(referralId) ? referralId : undefined;
}

function answerOf(name: string): PartnerAnswer {
  if (!(PARTNER_ANSWERS as readonly string[]).includes(name)) {
    throw new PartnerRefusal('invalid-subject', `no answer named ${name}`);
  }
  return name as PartnerAnswer;
}

function refusalReasonOf(error: DomainError): PartnerRefusal['reason'] {
  switch (error.code) {
    case 'REFERRAL_NOT_FOUND':
    case 'ERASURE_REQUEST_NOT_FOUND':
      return 'not-found';
    case 'REFERRAL_ACTION_FORBIDDEN':
      return 'not-addressed-to-you';
    default:
      return 'transition-not-allowed';
  }
}

function settle(action: () => void): void {
  try {
    action();
  } catch {
    // The server redelivers after ack_wait; the inbox makes that harmless.
  }
}
