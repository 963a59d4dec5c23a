import type { Producer } from '@mrm/contracts';
import { AckPolicy, DeliverPolicy, type JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { isNotFound } from '../jetstream.connection';
import type { MessagingOptions } from '../messaging.options';
import type { BusNamespace } from '../bus-namespace';
import { streamConfigFor, streamOf } from '../streams';

// Bounds the messages outstanding across every replica of the consuming service.
const MAX_ACK_PENDING = 1000;

/**
 * Declares the durable pull consumer `<service>` on a producer's stream (one per stream and
 * consuming service; one filter subject, as nats-server 2.9 allows). The stream itself is declared
 * too when missing, so services can start in any order. The server never gives up redelivering
 * (max_deliver -1): the transport dead-letters after `maxDeliver` attempts itself, which also
 * catches messages whose handler crashed the process every time.
 */
export async function ensureDurableConsumer(
  jsm: JetStreamManager,
  namespace: BusNamespace,
  producer: Producer,
  options: MessagingOptions,
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
  try {
    await jsm.consumers.info(stream, durable);
    await jsm.consumers.update(stream, durable, mutable);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.consumers.add(stream, {
      ...mutable,
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: namespace.subject(`${producer}.>`),
    });
  }
  return { stream, durable };
}
