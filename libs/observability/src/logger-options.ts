import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { destination, type DestinationStream } from 'pino';
import { pinoHttp, type HttpLogger, type Options } from 'pino-http';
import { currentContext } from './request-context';

const CORRELATION_HEADER = 'x-correlation-id';
const VALID_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts a caller's correlation id when it is well formed, otherwise starts a new one. */
export function correlationIdOf(request: IncomingMessage): string {
  const header = request.headers[CORRELATION_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value && VALID_CORRELATION_ID.test(value) ? value : randomUUID();
}

// Standard output written asynchronously, off the event loop, in blocks of at least
// LOG_WRITE_MIN_BYTES (about ten access-log lines) and at least every LOG_FLUSH_INTERVAL_MS: one
// write per line cost a system call and a thread-pool round trip per request. pino flushes what is
// left synchronously when the process exits; only SIGKILL loses the last block. One per process,
// however many apps it creates (tests).
const LOG_WRITE_MIN_BYTES = 4096;
const LOG_FLUSH_INTERVAL_MS = 1000;
let stdout: DestinationStream | undefined;
function stdoutDestination(): DestinationStream {
  return (stdout ??= destination({
    dest: 1,
    sync: false,
    minLength: LOG_WRITE_MIN_BYTES,
    periodicFlush: LOG_FLUSH_INTERVAL_MS,
  }));
}

/**
 * JSON logs with the service name and the correlation id of the current request or event.
 * Authorization headers and cookies are redacted; bodies are never logged (they hold personal data).
 *
 * The access log is written by {@link createHttpLogger}'s middleware, which the application mounts
 * before the body parser so that a request it refuses (malformed JSON, too large) is logged too;
 * nestjs-pino then reuses that request's logger (`useExisting`) instead of making a second one.
 */
export function buildLoggerParams(service: string, level: string): Params {
  return {
    useExisting: true,
    pinoHttp: [
      {
        level,
        base: { service },
        messageKey: 'message',
        genReqId: (request) => correlationIdOf(request),
        mixin: () => {
          const context = currentContext();
          return context
            ? { correlationId: context.correlationId, causationId: context.causationId }
            : {};
        },
        redact: {
          paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          censor: '[redacted]',
        },
        // Whitelists, so that nothing new reaches the log unnoticed: no query string (search
        // filters may hold a phone or a name), no response headers, no error parameters.
        serializers: {
          req: (req: { id: string; method: string; url: string }) => ({
            id: req.id,
            method: req.method,
            url: pathOf(req.url),
          }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          err: safeError,
        },
        autoLogging: {
          ignore: (request) =>
            (request.url ?? '').startsWith('/health') || request.url === '/metrics',
        },
      },
      stdoutDestination(),
    ],
  };
}

/** A URL without its query string. */
export function pathOf(url: string | undefined): string {
  const path = url ?? '';
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

/**
 * What a log may say of an error: its kind, message, codes and stack. Never a database driver's
 * parameters or detail (`Key (phone)=(…)`), nor a request body an HTTP error carries.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const { code, constraint, table } = error as Error & Record<string, unknown>;
  return {
    type: error.constructor.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof constraint === 'string' ? { constraint } : {}),
    ...(typeof table === 'string' ? { table } : {}),
    stack: error.stack,
  };
}

/** The access-log middleware (pino-http) of {@link buildLoggerParams}. */
export function createHttpLogger(params: Params): HttpLogger<IncomingMessage, ServerResponse> {
  const [options, stream] = params.pinoHttp as [Options, DestinationStream];
  return pinoHttp(options, stream);
}
