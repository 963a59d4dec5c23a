import { connect, type NatsConnection } from '@nats-io/transport-node';

/** The environment every operator tool reads to reach NATS (say it in each tool's usage). */
export const OPERATOR_CONNECTION_ENV = `NATS_URL (default nats://127.0.0.1:4222), NATS_USER (operator),
             NATS_PASSWORD, NATS_INBOX_PREFIX (default _INBOX_<NATS_USER> when a user is set),
             NATS_TLS_CA_FILE (CA of the servers' certificates, for tls:// URLs)`;

/** Connects an operator tool (dead letters, stream backups) as the generated `operator` user. */
export function connectAsOperator(env: NodeJS.ProcessEnv = process.env): Promise<NatsConnection> {
  return connect({
    servers: env.NATS_URL ?? 'nats://127.0.0.1:4222',
    user: env.NATS_USER,
    pass: env.NATS_PASSWORD,
    // The operator user may read replies under its own inbox prefix only.
    inboxPrefix: env.NATS_INBOX_PREFIX ?? (env.NATS_USER ? `_INBOX_${env.NATS_USER}` : undefined),
    ...(env.NATS_TLS_CA_FILE ? { tls: { caFile: env.NATS_TLS_CA_FILE } } : {}),
  });
}
