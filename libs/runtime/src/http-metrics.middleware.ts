import type { MetricsRegistry } from '@mrm/observability';
import type { NextFunction, Request, Response } from 'express';
import { Histogram } from 'prom-client';

/** Request duration by method, route template and status (route templates keep cardinality low). */
export function httpMetricsMiddleware(metrics: MetricsRegistry) {
  const duration = new Histogram({
    name: 'mrm_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [metrics.registry],
  });
  return (request: Request, response: Response, next: NextFunction): void => {
    const stop = duration.startTimer();
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      stop({
        method: request.method,
        route: `${request.baseUrl}${route}`,
        status: String(response.statusCode),
      });
    });
    next();
  };
}
