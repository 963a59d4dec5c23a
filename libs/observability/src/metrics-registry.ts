import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One Prometheus registry per application instance (not prom-client's global one), so two services
 * booted in one test process do not collide on metric names.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'mrm_' });
  }

  setService(service: string): void {
    this.registry.setDefaultLabels({ service });
  }
}
