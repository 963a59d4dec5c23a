import { renderComposeNatsConfig, renderKubernetesNatsConfig } from '@mrm/nats-authorization';

export const COMPOSE_NATS_CONFIG = 'deploy/compose/nats.conf';
export const KUBERNETES_NATS_CONFIG = 'deploy/base/nats/nats.conf';

/**
 * Every generated NATS server configuration, by path relative to the repository root. The
 * partners are not in them: each includes the accounts file `npm run partners` renders from the
 * directory.
 */
export function generateNatsConfigs(): Array<[string, string]> {
  return [
    [COMPOSE_NATS_CONFIG, renderComposeNatsConfig()],
    [KUBERNETES_NATS_CONFIG, renderKubernetesNatsConfig()],
  ];
}
