import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  renderComposeNatsConfig,
  renderKubernetesNatsConfig,
  type PartnerGrant,
} from '@mrm/nats-authorization';
import { parse } from 'yaml';

/** The partner institutions allowed on the bus (public nkeys only), in the repository. */
export const PARTNERS_FILE = 'deploy/nats-partners.yaml';
export const COMPOSE_NATS_CONFIG = 'deploy/compose/nats.conf';
export const KUBERNETES_NATS_CONFIG = 'deploy/base/nats/nats.conf';

/** The partners declared in deploy/nats-partners.yaml. */
export function readPartners(repoRoot: string): PartnerGrant[] {
  const document = parse(readFileSync(path.join(repoRoot, PARTNERS_FILE), 'utf8')) as {
    partners?: Array<{ code?: unknown; nkey?: unknown }> | null;
  } | null;
  return (document?.partners ?? []).map((partner, index) => {
    if (typeof partner.code !== 'string' || typeof partner.nkey !== 'string') {
      throw new Error(`${PARTNERS_FILE}: partner #${index + 1} needs a code and an nkey`);
    }
    return { code: partner.code, nkey: partner.nkey };
  });
}

/** Every generated NATS configuration file, by path relative to the repository root. */
export function generateNatsConfigs(repoRoot: string): Array<[string, string]> {
  const partners = readPartners(repoRoot);
  return [
    [COMPOSE_NATS_CONFIG, renderComposeNatsConfig({ partners })],
    [KUBERNETES_NATS_CONFIG, renderKubernetesNatsConfig({ partners })],
  ];
}
