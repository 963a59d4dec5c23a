import { Client } from 'pg';

const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';

/** Database name of a `postgres://` URL, validated so it can be quoted safely. */
export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`Database name "${name}" must be lower-case letters, digits and underscores`);
  }
  return name;
}

function maintenanceUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/postgres';
  return parsed.toString();
}

/**
 * Creates the service's database when it does not exist yet, so a fresh machine runs the platform
 * with no manual step. Two replicas racing to create it is harmless.
 */
export async function ensureDatabaseExists(url: string): Promise<void> {
  const name = databaseNameOf(url);
  const client = new Client({ connectionString: maintenanceUrl(url) });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"`);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== DUPLICATE_DATABASE && code !== UNIQUE_VIOLATION) {
      throw error;
    }
  } finally {
    await client.end();
  }
}

/** Drops a database, closing its connections first (tests and tools only). */
export async function dropDatabase(url: string): Promise<void> {
  const name = databaseNameOf(url);
  const client = new Client({ connectionString: maintenanceUrl(url) });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
