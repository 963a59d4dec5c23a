import {
  applyDecorators,
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { etagOf } from './etag';

/** Sets `ETag` from the `version` of the returned body. */
@Injectable()
export class ETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number') {
          context.switchToHttp().getResponse<Response>().setHeader('ETag', etagOf(version));
        }
        return body;
      }),
    );
  }
}

/** Answers with `ETag: "<version>"` of the returned resource (reads and writes). */
export const WithETag = (): MethodDecorator => applyDecorators(UseInterceptors(ETagInterceptor));

/**
 * Sets `Location: <request path>/<id>` from the `id` of a created resource, and its `ETag` from its
 * `version`: one interceptor for both, as each one adds a layer to every create.
 */
@Injectable()
export class CreatedResourceInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        const { id, version } = (body ?? {}) as { id?: unknown; version?: unknown };
        const http = context.switchToHttp();
        const response = http.getResponse<Response>();
        if (typeof id === 'string') {
          const path = http.getRequest<Request>().originalUrl.split('?')[0].replace(/\/$/, '');
          response.setHeader('Location', `${path}/${encodeURIComponent(id)}`);
        }
        if (typeof version === 'number') response.setHeader('ETag', etagOf(version));
        return body;
      }),
    );
  }
}

/** Answers a create with the `Location` and the `ETag` of the new resource. */
export const CreatedResource = (): MethodDecorator =>
  applyDecorators(UseInterceptors(CreatedResourceInterceptor));
