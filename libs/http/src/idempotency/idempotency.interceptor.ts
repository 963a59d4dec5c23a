import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { getRequestPrincipal } from '@mrm/auth';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { HttpError } from '../http.errors';
import { IdempotencyError } from './idempotency.errors';
import {
  IDEMPOTENCY_RESPONSE_SEALER,
  JSON_RESPONSE_SEALER,
  type IdempotencyResponseSealer,
} from './idempotency.sealer';
import { requestHash } from './request-hash';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';
// Printable ASCII without spaces, as the IETF Idempotency-Key draft suggests for key values.
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['location', 'etag'];
const RETENTION = '24 hours';
// Expired records are purged in small batches every this many claims: a stored response is
// personal data, kept no longer than needed.
const PURGE_EVERY = 100;
const PURGE_BATCH = 1000;

interface StoredRecord {
  readonly request_hash: string;
  readonly status: number | null;
  readonly response_body: string | null;
  readonly response_headers: Record<string, string> | null;
}

/**
 * `Idempotency-Key` on create routes (see `@Idempotent()`): the first request with a key claims it,
 * runs, and stores its 2xx response; the same key with the same request replays that response
 * (no second record); with another request it is refused (422). A failed request releases the key
 * so the client may retry. Keys are scoped to the principal and kept 24 hours.
 *
 * The claim is committed before the handler runs, so a concurrent duplicate sees it (409). If the
 * process dies after the business commit but before the response is stored, the key stays claimed
 * until it expires: a retry gets 409 rather than a second record.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');
  private readonly sealer: IdempotencyResponseSealer;
  private claims = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(IDEMPOTENCY_RESPONSE_SEALER) sealer?: IdempotencyResponseSealer,
  ) {
    this.sealer = sealer ?? JSON_RESPONSE_SEALER;
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = idempotencyKeyOf(request);
    if (key === undefined) return next.handle();
    const principal = getRequestPrincipal(request);
    const scope = principal ? `${principal.org}:${principal.sub}` : 'anonymous';
    const hash = requestHash({
      method: request.method,
      path: request.originalUrl,
      body: request.body,
    });
    if (!(await this.claim(scope, key, hash))) {
      return of(await this.replay({ scope, key, hash, response }));
    }
    return next.handle().pipe(
      mergeMap((body: unknown) => from(this.complete({ scope, key, response, body }))),
      // Release, then rethrow the original error untouched for the problem filter.
      catchError((error: unknown) =>
        from(this.release(scope, key)).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }

  private async claim(scope: string, key: string, hash: string): Promise<boolean> {
    this.claims += 1;
    if (this.claims % PURGE_EVERY === 1) await this.purgeExpired();
    // An expired record is replaced as if it did not exist.
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_record (principal, key, request_hash, expires_at)
       VALUES ($1, $2, $3, now() + interval '${RETENTION}')
       ON CONFLICT (principal, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, status = NULL, response_body = NULL,
             response_headers = NULL, created_at = now(), expires_at = EXCLUDED.expires_at
         WHERE idempotency_record.expires_at < now()
       RETURNING key`,
      [scope, key, hash],
    );
    return rows.length > 0;
  }

  private async replay(input: {
    scope: string;
    key: string;
    hash: string;
    response: Response;
  }): Promise<unknown> {
    const [record] = await this.dataSource.query<StoredRecord[]>(
      `SELECT request_hash, status, response_body, response_headers FROM idempotency_record
       WHERE principal = $1 AND key = $2`,
      [input.scope, input.key],
    );
    if (!record) throw new IdempotencyError('IDEMPOTENCY_REQUEST_IN_PROGRESS');
    if (record.request_hash !== input.hash) {
      throw new HttpError('IDEMPOTENCY_KEY_REUSED', {
        detail: 'This Idempotency-Key was already used with a different request; use a new key',
      });
    }
    if (record.status === null) throw new IdempotencyError('IDEMPOTENCY_REQUEST_IN_PROGRESS');
    input.response.status(record.status);
    for (const [name, value] of Object.entries(record.response_headers ?? {})) {
      input.response.setHeader(name, value);
    }
    input.response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return record.response_body === null
      ? undefined
      : this.sealer.open(record.response_body, sealContext(input.scope, input.key));
  }

  private async complete(input: {
    scope: string;
    key: string;
    response: Response;
    body: unknown;
  }): Promise<unknown> {
    const headers = Object.fromEntries(
      REPLAYED_HEADERS.flatMap((name) => {
        const value = input.response.getHeader(name);
        return value === undefined ? [] : [[name, String(value)]];
      }),
    );
    try {
      await this.dataSource.query(
        `UPDATE idempotency_record SET status = $3, response_body = $4, response_headers = $5
         WHERE principal = $1 AND key = $2`,
        [
          input.scope,
          input.key,
          input.response.statusCode,
          input.body === undefined
            ? null
            : this.sealer.seal(input.body, sealContext(input.scope, input.key)),
          JSON.stringify(headers),
        ],
      );
    } catch (error) {
      // The work is done and committed: answer it; a retry will get 409 until the key expires.
      this.logger.error({ err: error }, 'could not store the idempotent response');
    }
    return input.body;
  }

  private async purgeExpired(): Promise<void> {
    await this.dataSource
      .query(
        `DELETE FROM idempotency_record WHERE ctid IN (
           SELECT ctid FROM idempotency_record WHERE expires_at < now() LIMIT ${PURGE_BATCH})`,
      )
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'could not purge expired idempotency records'),
      );
  }

  private async release(scope: string, key: string): Promise<void> {
    await this.dataSource
      .query(
        'DELETE FROM idempotency_record WHERE principal = $1 AND key = $2 AND status IS NULL',
        [scope, key],
      )
      .catch((error: unknown) =>
        this.logger.error({ err: error }, 'could not release an idempotency key'),
      );
  }
}

function idempotencyKeyOf(request: Request): string | undefined {
  const raw = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw.join(',') : raw;
  if (!KEY_PATTERN.test(key)) {
    throw new IdempotencyError('IDEMPOTENCY_KEY_INVALID', {
      violations: [
        {
          field: 'Idempotency-Key',
          message: 'must be 1 to 255 printable ASCII characters without spaces',
        },
      ],
    });
  }
  return key;
}

function sealContext(scope: string, key: string): string {
  return `idempotency:${scope}:${key}`.slice(0, 512);
}
