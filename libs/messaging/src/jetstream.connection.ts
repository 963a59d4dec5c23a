import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { BusNamespace } from './bus-namespace';
import { MESSAGING_OPTIONS } from './messaging.tokens';
import type { MessagingOptions } from './messaging.options';
import { streamsOwnedBy } from './streams';

const RETRY_DELAY_MS = 1000;

/**
 * The service's one NATS connection. It is opened in the background and retried forever, so a
 * service starts (and keeps accepting writes into its outbox) while NATS is down; `ready()` resolves
 * once connected and the service's streams are provisioned.
 */
@Injectable()
export class JetStreamConnection implements OnApplicationShutdown {
  private readonly logger = new Logger(JetStreamConnection.name);
  private connection?: NatsConnection;
  private manager?: JetStreamManager;
  // Made once with the connection: the relay publishes through it for every event.
  private jsClient?: JetStreamClient;
  private closing = false;
  private readonly readyPromise: Promise<void>;
  readonly namespace: BusNamespace;

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {
    this.namespace = new BusNamespace(options.namespace);
    this.readyPromise = this.connectWithRetry();
    // Nobody may be awaiting yet; failures are retried inside, this only avoids an unhandled rejection.
    this.readyPromise.catch(() => undefined);
  }

  /** Resolves once connected and provisioned; rejects only if the service shuts down first. */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  isConnected(): boolean {
    return !!this.connection && !this.connection.isClosed() && this.connected;
  }

  /**
   * Whether the server honours `term(reason)`: before 2.10.4 it ignores a term that carries a
   * reason and redelivers the message every ack_wait.
   */
  supportsTermReason(): boolean {
    const [major, minor, patch] = (this.connection?.info?.version ?? '0.0.0')
      .split('.')
      .map((part) => Number.parseInt(part, 10) || 0);
    return major > 2 || (major === 2 && (minor > 10 || (minor === 10 && patch >= 4)));
  }

  get nc(): NatsConnection {
    if (!this.connection) throw new Error('NATS is not connected yet');
    return this.connection;
  }

  get js(): JetStreamClient {
    if (!this.jsClient) throw new Error('NATS is not connected yet');
    return this.jsClient;
  }

  get jsm(): JetStreamManager {
    if (!this.manager) throw new Error('NATS is not connected yet');
    return this.manager;
  }

  private connected = false;

  private async connectWithRetry(): Promise<void> {
    while (!this.closing) {
      try {
        const nc = await connect({
          servers: this.options.natsUrl,
          name: `mrm-${this.options.service}`,
          user: this.options.natsUser,
          pass: this.options.natsPassword,
          ...(this.options.natsInboxPrefix ? { inboxPrefix: this.options.natsInboxPrefix } : {}),
          ...(this.options.natsTlsCaFile ? { tls: { caFile: this.options.natsTlsCaFile } } : {}),
          maxReconnectAttempts: -1,
          reconnectTimeWait: 500,
          timeout: 2000,
          // No Error (and stack trace) made up front for every publish and ack: they cost the
          // relay more than the publish itself. Failures still carry their message.
          noAsyncTraces: true,
        });
        this.connection = nc;
        this.jsClient = jetstream(nc);
        this.connected = true;
        this.watchStatus(nc);
        this.manager = await jetstreamManager(nc);
        await this.provisionStreams();
        this.logger.log(`connected to NATS at ${this.options.natsUrl}`);
        return;
      } catch (error) {
        this.logger.warn(`NATS not available yet (${(error as Error).message}); retrying`);
        await this.connection?.close().catch(() => undefined);
        this.connection = undefined;
        this.jsClient = undefined;
        this.connected = false;
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
    }
    throw new Error('shut down before NATS was reached');
  }

  private watchStatus(nc: NatsConnection): void {
    void (async () => {
      try {
        for await (const status of nc.status()) {
          if (status.type === 'disconnect') {
            this.connected = false;
            this.logger.warn('disconnected from NATS');
          } else if (status.type === 'reconnect') {
            this.connected = true;
            this.logger.log('reconnected to NATS');
          }
        }
      } catch (error) {
        this.logger.warn(`stopped watching NATS status: ${(error as Error).message}`);
      }
      this.connected = false;
    })();
  }

  /** Declares the service's own stream and the DLQ; updating keeps config-as-code authoritative. */
  private async provisionStreams(): Promise<void> {
    const configs = streamsOwnedBy(this.options.service, this.namespace, {
      replicas: this.options.streamReplicas,
      maxAgeDays: this.options.streamMaxAgeDays,
    });
    for (const config of configs) {
      try {
        await this.jsm.streams.info(config.name);
        await this.jsm.streams.update(config.name, config);
      } catch (error) {
        if (!isNotFound(error)) throw error;
        await this.jsm.streams.add(config).catch((addError: unknown) => {
          // Another service may have created the shared DLQ stream a moment ago.
          if (!String((addError as Error).message).includes('already in use')) throw addError;
        });
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.connection && !this.connection.isClosed()) {
      await this.connection.drain().catch(() => this.connection?.close());
    }
  }
}

export function isNotFound(error: unknown): boolean {
  const message = String((error as Error)?.message ?? '');
  const code = (error as { code?: number; api_error?: { code?: number } }).api_error?.code;
  return code === 404 || /not found/i.test(message);
}
