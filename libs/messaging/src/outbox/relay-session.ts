import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { connectionSafety } from '@mrm/persistence';

// The relay's claims and marks are short: a longer wait is a connection that is gone.
const RELAY_STATEMENT_TIMEOUT_MS = 15_000;

export interface RelaySessionOptions {
  readonly connectionString?: string;
  /** The NOTIFY channel committed outbox rows are announced on. */
  readonly channel: string;
  /** Called on every notification on the channel, with its payload; without one on (re)connecting. */
  readonly onNotify: (payload?: string) => void;
  /** Delay before reconnecting after the connection is lost. */
  readonly retryDelayMs: number;
}

/**
 * The relay's own PostgreSQL connection: it LISTENs for committed outbox rows and runs the relay's
 * claim and mark statements, so the relay never waits for (nor holds) a connection of the request
 * pool. Its commits are asynchronous (`synchronous_commit = off`): a claim or a mark lost in a crash
 * only republishes a message, which JetStream drops by `Nats-Msg-Id` and consumers by inbox.
 * A lost connection is reopened in the background; until then `connection` is undefined.
 */
export class RelaySession {
  private readonly logger = new Logger(RelaySession.name);
  private client?: Client;
  private closed = true;
  private retryTimer?: NodeJS.Timeout;

  constructor(private readonly options: RelaySessionOptions) {}

  open(): void {
    if (!this.closed) return;
    this.closed = false;
    void this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** The open connection, or undefined while it is (re)connecting. */
  get connection(): Client | undefined {
    return this.client;
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: 'mrm-outbox-relay',
      ...connectionSafety(RELAY_STATEMENT_TIMEOUT_MS),
    });
    client.on('notification', (message) => this.options.onNotify(message.payload));
    client.on('error', (error) => this.lost(client, error));
    try {
      await client.connect();
      await client.query('SET synchronous_commit = off');
      await client.query(`LISTEN ${this.options.channel}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // Rows committed while we were not listening announce nothing: look for them now.
    this.options.onNotify();
  }

  private lost(client: Client, error: Error): void {
    if (this.client === client) this.client = undefined;
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.logger.warn(`outbox relay connection lost (${error.message}); polling until it is back`);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), this.options.retryDelayMs);
  }
}
