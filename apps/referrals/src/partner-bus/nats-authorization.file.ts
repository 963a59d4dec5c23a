import { readFile, rename, writeFile } from 'node:fs/promises';
import { renderSingleNodeAccounts, type PartnerGrant } from '@mrm/nats-authorization';

/**
 * Writes the accounts file that a single node's nats.conf includes (the local server,
 * docker-compose), rendered from the directory (never edited by hand), then asks the running
 * server to reload it: SIGHUP to the pid in `pidFile`. A revoked partner's user disappears and
 * its connections are closed.
 */
export async function publishNatsAuthorization(input: {
  file: string;
  pidFile?: string;
  namespace: string;
  partners: PartnerGrant[];
  passwords?: Partial<Record<string, string>>;
}): Promise<{ reloaded: boolean }> {
  await writeWholeFile(
    input.file,
    renderSingleNodeAccounts({
      namespace: input.namespace,
      partners: input.partners,
      passwords: input.passwords,
    }),
  );
  if (!input.pidFile) return { reloaded: false };
  const pid = Number.parseInt((await readFile(input.pidFile, 'utf8')).trim(), 10);
  if (!Number.isInteger(pid) || pid <= 1) throw new Error(`no pid in ${input.pidFile}`);
  process.kill(pid, 'SIGHUP');
  return { reloaded: true };
}

/** Whole or not at all: the server (or its reloader) never reads a half-written file. */
export async function writeWholeFile(file: string, text: string): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, text, { mode: 0o600 });
  await rename(temporary, file);
}
