import { BusNamespace } from '@mrm/messaging';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { testNatsUrl } from './test-environment';

/** One stored message of a stream: its namespaced subject, CloudEvent type and JSON body. */
export interface StoredMessage {
  readonly subject: string;
  readonly type: string | undefined;
  readonly id: string | undefined;
  readonly data: string;
}

/**
 * Reads what a stream of a test namespace holds, as an operator would: tests assert that an event
 * was stored once, or that no personal data reached the bus.
 */
export class StreamInspector {
  constructor(
    private readonly namespace: string,
    private readonly natsUrl = testNatsUrl(),
  ) {}

  /** Every message of `stream` (e.g. `REGISTRATION`), oldest first; [] if the stream is missing. */
  async messages(stream: string): Promise<StoredMessage[]> {
    const nc = await connect({ servers: this.natsUrl });
    try {
      const jsm = await jetstreamManager(nc);
      const name = new BusNamespace(this.namespace).stream(stream);
      const info = await jsm.streams.info(name).catch(() => null);
      if (!info || info.state.messages === 0) return [];
      const messages: StoredMessage[] = [];
      for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq += 1) {
        const message = await jsm.streams.getMessage(name, { seq }).catch(() => null);
        if (!message) continue;
        messages.push({
          subject: message.subject,
          type: message.header?.get('ce-type') || undefined,
          id: message.header?.get('ce-id') || undefined,
          data: new TextDecoder().decode(message.data),
        });
      }
      return messages;
    } finally {
      await nc.close();
    }
  }

  /** The messages of one CloudEvent type, e.g. `referral.requested.v1`. */
  async ofType(stream: string, type: string): Promise<StoredMessage[]> {
    return (await this.messages(stream)).filter((message) => message.type === type);
  }
}
