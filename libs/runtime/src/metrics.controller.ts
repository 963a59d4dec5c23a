import { Controller, Get, Header, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@mrm/auth';
import { MetricsRegistry } from '@mrm/observability';
import { register } from 'prom-client';

/** Prometheus scrape endpoint. Network policy, not a token, keeps it internal. */
@ApiExcludeController()
@Public()
@Controller({ path: 'metrics', version: VERSION_NEUTRAL })
export class MetricsController {
  constructor(private readonly metrics: MetricsRegistry) {}

  @Get()
  @Header('Content-Type', register.contentType)
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
