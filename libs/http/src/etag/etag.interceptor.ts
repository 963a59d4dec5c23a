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

/** Sets `Location: <request path>/<id>` from the `id` of a created resource. */
@Injectable()
export class LocationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        const id = (body as { id?: unknown } | null)?.id;
        if (typeof id === 'string') {
          const http = context.switchToHttp();
          const path = http.getRequest<Request>().originalUrl.split('?')[0].replace(/\/$/, '');
          http.getResponse<Response>().setHeader('Location', `${path}/${encodeURIComponent(id)}`);
        }
        return body;
      }),
    );
  }
}

/** Answers a create with `Location` of the new resource. */
export const WithLocation = (): MethodDecorator =>
  applyDecorators(UseInterceptors(LocationInterceptor));
