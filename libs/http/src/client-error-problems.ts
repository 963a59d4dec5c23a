import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { HttpError, type HttpErrorCode } from './http.errors';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem-details';

// Node's parser answers these itself, before any middleware, with an empty body.
const PARSER_ERRORS: Record<string, HttpErrorCode> = {
  HPE_HEADER_OVERFLOW: 'HEADERS_TOO_LARGE',
};

function problemBody(code: HttpErrorCode, instance: string): string {
  const error = new HttpError(code);
  return JSON.stringify({
    type: problemType('http', code),
    title: error.title,
    status: error.status,
    instance,
    code,
  });
}

/**
 * Makes the HTTP server's own refusals (malformed request, oversized headers, an `Expect` it cannot
 * meet) problem+json like every other error.
 */
export function installClientErrorProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (error.code === 'ECONNRESET' && !socket.readable)) {
      socket.destroy();
      return;
    }
    const code = PARSER_ERRORS[error.code ?? ''] ?? 'MALFORMED_REQUEST';
    const body = problemBody(code, '/');
    const status = new HttpError(code).status;
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
  server.on('checkExpectation', (request, response) => {
    const body = problemBody('EXPECTATION_FAILED', request.url ?? '/');
    response
      .writeHead(417, {
        'Content-Type': PROBLEM_CONTENT_TYPE,
        'Content-Length': Buffer.byteLength(body),
      })
      .end(body);
  });
}
