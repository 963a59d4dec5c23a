import { defineErrorFamily, type DomainErrorOptions } from '@mrm/errors';

/** Stable codes of authentication and access failures; they reach clients in problem+json. */
export enum AuthErrorCode {
  AUTH_TOKEN_MISSING = 'AUTH_TOKEN_MISSING',
  AUTH_TOKEN_INVALID = 'AUTH_TOKEN_INVALID',
  AUTH_TOKEN_EXPIRED = 'AUTH_TOKEN_EXPIRED',
  AUTH_FORBIDDEN = 'AUTH_FORBIDDEN',
}

const AUTH_ERRORS = {
  [AuthErrorCode.AUTH_TOKEN_MISSING]: { status: 401, title: 'Authentication required' },
  [AuthErrorCode.AUTH_TOKEN_INVALID]: { status: 401, title: 'Invalid access token' },
  [AuthErrorCode.AUTH_TOKEN_EXPIRED]: { status: 401, title: 'Access token expired' },
  [AuthErrorCode.AUTH_FORBIDDEN]: { status: 403, title: 'Access denied' },
} satisfies Record<AuthErrorCode, { status: number; title: string }>;

// RFC 6750 §3: no error attribute when the request carried no credentials at all.
const BEARER_CHALLENGES: Partial<Record<AuthErrorCode, string>> = {
  [AuthErrorCode.AUTH_TOKEN_MISSING]: 'Bearer',
  [AuthErrorCode.AUTH_TOKEN_INVALID]: 'Bearer error="invalid_token"',
  [AuthErrorCode.AUTH_TOKEN_EXPIRED]:
    'Bearer error="invalid_token", error_description="The access token expired"',
};

const AuthErrorBase = defineErrorFamily<AuthErrorCode>('auth', AUTH_ERRORS);

/**
 * Authentication (401) or authorisation (403) failure.
 * 401 errors carry `wwwAuthenticate`, the `WWW-Authenticate` header value the HTTP filter must send.
 */
export class AuthError extends AuthErrorBase {
  /** `WWW-Authenticate` challenge for 401 responses; undefined for 403. */
  readonly wwwAuthenticate?: string;

  constructor(code: AuthErrorCode, options?: DomainErrorOptions) {
    super(code, options);
    this.wwwAuthenticate = BEARER_CHALLENGES[code];
  }
}
