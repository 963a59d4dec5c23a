import type { Producer } from '@mrm/contracts';
import {
  AckPolicy,
  DeliverPolicy,
  type ConsumerConfig,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { isNotFound } from '../jetstream.connection';
import type { MessagingOptions } from '../messaging.options';
import type { BusNamespace } from '../bus-namespace';
import { streamConfigFor, streamOf } from '../streams';

// Bounds the messages outstanding across every replica of the consuming service.
const MAX_ACK_PENDING = 1000;

/**
 * The one filter subject (nats-server 2.9 has no `filter_subjects`) of a consumer handling
 * `subjects` of a producer's stream: that subject when there is only one, so the server never
 * sends the others; the whole stream otherwise, and the transport acks undecoded what it has no
 * handler for.
 */
export function filterSubjectFor(
  namespace: BusNamespace,
  producer: Producer,
  subjects: readonly string[],
): string {
  return namespace.subject(subjects.length === 1 ? subjects[0] : `${producer}.>`);
}

/** Whether messages on `subject` pass a consumer filter (exact, or a trailing `>` wildcard). */
function covers(filter: string, subject: string): boolean {
  return filter === subject || (filter.endsWith('.>') && subject.startsWith(filter.slice(0, -1)));
}

/**
 * Creates a durable pull consumer on `stream` unless one of that name exists (explicit acks, from
 * the stream's first message, never given up by the server); an existing one is left as it is.
 */
export async function addPullConsumerIfMissing(
  jsm: JetStreamManager,
  stream: string,
  config: Pick<ConsumerConfig, 'durable_name' | 'filter_subject' | 'ack_wait' | 'max_ack_pending'> &
    Partial<ConsumerConfig>,
): Promise<void> {
  try {
    await jsm.consumers.info(stream, config.durable_name!);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.consumers.add(stream, {
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      max_deliver: -1,
      ...config,
    });
  }
}

/**
 * Declares the durable pull consumer `<service>` on a producer's stream (one per stream and
 * consuming service), filtered by `filterSubjectFor`. The stream itself is declared too when
 * missing, so services can start in any order. The server never gives up redelivering
 * (max_deliver -1): the transport dead-letters after `maxDeliver` attempts itself, which also
 * catches messages whose handler crashed the process every time.
 */
export async function ensureDurableConsumer(
  jsm: JetStreamManager,
  namespace: BusNamespace,
  producer: Producer,
  subjects: readonly string[],
  options: MessagingOptions,
  log: (message: string) => void = () => undefined,
): Promise<{ stream: string; durable: string }> {
  const stream = namespace.stream(streamOf(producer));
  try {
    await jsm.streams.info(stream);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.streams
      .add(
        streamConfigFor(namespace, streamOf(producer), producer, {
          replicas: options.streamReplicas,
          maxAgeDays: options.streamMaxAgeDays,
        }),
      )
      .catch((addError: unknown) => {
        if (!String((addError as Error).message).includes('already in use')) throw addError;
      });
  }
  const durable = options.service;
  const mutable = {
    ack_wait: nanos(options.ackWaitMs),
    max_deliver: -1,
    max_ack_pending: MAX_ACK_PENDING,
    description: `${options.service} consuming ${producer} events`,
  };
  const filter = filterSubjectFor(namespace, producer, subjects);
  let existing;
  try {
    existing = await jsm.consumers.info(stream, durable);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.consumers.add(stream, {
      ...mutable,
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: filter,
    });
    return { stream, durable };
  }
  if (existing.config.filter_subject === filter) {
    await jsm.consumers.update(stream, durable, mutable);
    return { stream, durable };
  }
  // The handled subjects changed: the server updates the filter in place (2.9.10 does), and the
  // consumer keeps its position. Never deleted: that would lose the position, and with it the
  // events not yet consumed.
  try {
    await jsm.consumers.update(stream, durable, { ...mutable, filter_subject: filter });
    return { stream, durable };
  } catch (error) {
    const kept = existing.config.filter_subject ?? '';
    const missed = subjects.filter((subject) => !covers(kept, namespace.subject(subject)));
    // A server that refuses: a wider old filter is still correct (the transport acks what it has no
    // handler for), only less economical; a narrower one would silently starve a handler.
    if (missed.length > 0) {
      throw new Error(
        `durable ${durable} on ${stream} filters ${kept}, which misses ${missed.join(', ')}, and ` +
          `the server refused a new filter (${(error as Error).message}): recreate the consumer ` +
          `at its current sequence (deploy/README.md)`,
      );
    }
    log(`durable ${durable} on ${stream} keeps its wider filter ${kept} (wanted ${filter})`);
    await jsm.consumers.update(stream, durable, mutable);
    return { stream, durable };
  }
}
