import type { JetStreamManager } from '@nats-io/jetstream';
import { importJWK, type JWK } from 'jose';
import type { DataSource } from 'typeorm';

/** A partner provisioned for a test: its codes, its service, its secrets. */
export interface PartnerKit {
  code: string;
  org: string;
  /** Its id in the directory. */
  partnerId: string;
  serviceId: string;
  seed: string;
  privateJwk: JWK;
}

/** Every message a stream stores, read back raw (subject, body text, first value of each header). */
export async function storedMessages(operator: JetStreamManager, stream: string) {
  const info = await operator.streams.info(stream);
  const out: Array<{ subject: string; body: string; headers: Record<string, string> }> = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq += 1) {
    const message = await operator.streams.getMessage(stream, { seq }).catch(() => undefined);
    if (!message) continue;
    const headers: Record<string, string> = {};
    for (const [key, values] of message.header ?? []) headers[key] = values[0];
    out.push({ subject: message.subject, body: message.string(), headers });
  }
  return out;
}

export function importPrivate(jwk: JWK) {
  return importJWK(jwk, 'RSA-OAEP-256');
}

/** Every text-like column of every table of a database that holds any of `needles` in clear. */
export async function clearTextIn(dataSource: DataSource, needles: string[]): Promise<string[]> {
  const columns: Array<{ table_name: string; column_name: string }> = await dataSource.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema()
        AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
  );
  const found: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    for (const needle of needles) {
      const rows: unknown[] = await dataSource.query(
        `SELECT 1 FROM "${table}" WHERE "${column}"::text ILIKE $1 LIMIT 1`,
        [`%${needle}%`],
      );
      if (rows.length > 0) found.push(`${table}.${column} holds ${needle}`);
    }
  }
  return found;
}
