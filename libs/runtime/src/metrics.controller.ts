import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers, Inject, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuthError, AuthErrorCode, Public } from '@mrm/auth';
import { MetricsRegistry } from '@mrm/observability';
import { register } from 'prom-client';
import type { ServiceConfig } from './service-config';
import { SERVICE_CONFIG } from './service-config.token';

/**
 * Prometheus scrape endpoint. Kept internal by network policy, and closed to anyone but the
 * scraper when `METRICS_TOKEN` is set.
 */
@ApiExcludeController()
@Public()
@Controller({ path: 'metrics', version: VERSION_NEUTRAL })
export class MetricsController {
  private readonly tokenDigest?: Buffer;

  constructor(
    private readonly metrics: MetricsRegistry,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.tokenDigest = config.METRICS_TOKEN ? digest(config.METRICS_TOKEN) : undefined;
  }

  @Get()
  @Header('Content-Type', register.contentType)
  scrape(@Headers('authorization') authorization?: string): Promise<string> {
    if (this.tokenDigest && !this.isScraper(authorization)) {
      throw new AuthError(AuthErrorCode.AUTH_TOKEN_MISSING, {
        detail: 'The metrics need the scraper token',
      });
    }
    return this.metrics.registry.metrics();
  }

  // Digests of equal length, so the comparison takes the same time whatever was sent.
  private isScraper(authorization: string | undefined): boolean {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
    return timingSafeEqual(digest(token), this.tokenDigest!);
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
