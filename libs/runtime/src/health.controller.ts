import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
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
import { ShutdownState } from './shutdown-state';

/** Liveness says the process runs; readiness that it can do its work (database and NATS). */
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

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      () => {
        const indicator = this.indicators.check('nats');
        return this.nats.isConnected() ? indicator.up() : indicator.down({ message: 'not connected' });
      },
      () => {
        const indicator = this.indicators.check('lifecycle');
        return this.shutdown.isShuttingDown ? indicator.down({ message: 'shutting down' }) : indicator.up();
      },
    ]);
  }
}
