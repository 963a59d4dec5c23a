import { defineErrorFamily } from '@mrm/errors';

/** Errors of the HTTP layer itself, before any service code runs. */
export type HttpErrorCode =
  | 'VALIDATION_FAILED'
  | 'MALFORMED_JSON'
  | 'MALFORMED_BODY'
  | 'MALFORMED_REQUEST'
  | 'HEADERS_TOO_LARGE'
  | 'EXPECTATION_FAILED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'ROUTE_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PRECONDITION_REQUIRED'
  | 'PRECONDITION_FAILED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INTERNAL_ERROR';

export const HttpError = defineErrorFamily<HttpErrorCode>('http', {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  MALFORMED_JSON: { status: 400, title: 'The request body is not valid JSON' },
  MALFORMED_BODY: { status: 400, title: 'The request body could not be read as sent' },
  MALFORMED_REQUEST: { status: 400, title: 'The request is not valid HTTP' },
  HEADERS_TOO_LARGE: { status: 431, title: 'The request headers are too large' },
  EXPECTATION_FAILED: { status: 417, title: 'The Expect header cannot be met' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The request body has an unsupported media type' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such resource' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  PRECONDITION_REQUIRED: { status: 428, title: 'An If-Match header is required' },
  PRECONDITION_FAILED: { status: 412, title: 'The resource has changed since it was read' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    title: 'The Idempotency-Key was used for a different request',
  },
  INTERNAL_ERROR: { status: 500, title: 'Internal error' },
});
