import { Global, Module } from '@nestjs/common';
import { MetricsRegistry } from './metrics-registry';

/** Makes the application's metrics registry injectable everywhere (messaging, HTTP, features). */
@Global()
@Module({ providers: [MetricsRegistry], exports: [MetricsRegistry] })
export class ObservabilityModule {}
