import { Controller, Get, Res, ServiceUnavailableException, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { Public } from '@mrm/auth';
import { JetStreamConnection } from '@mrm/messaging';
import type { Response } from 'express';
import { ShutdownState } from './shutdown-state';

/**
 * Liveness says the process runs; readiness that it can take requests: its database is up and it
 * is not shutting down. NATS away is reported as degraded, not unready: requests still commit
 * their events to the outbox, which the relay publishes once NATS is back.
 */
@ApiTags('health')
@Public()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly nats: JetStreamConnection,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  // Not ready is an answer, not an error: 503 with the per-dependency report.
  @Get('ready')
  @HealthCheck()
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    try {
      return await this.checkDependencies();
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }

  private checkDependencies(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      () => {
        const indicator = this.indicators.check('nats');
        return this.nats.isConnected()
          ? indicator.up()
          : indicator.up({ degraded: 'not connected' });
      },
      () => {
        const indicator = this.indicators.check('lifecycle');
        return this.shutdown.isShuttingDown
          ? indicator.down({ message: 'shutting down' })
          : indicator.up();
      },
    ]);
  }
}
