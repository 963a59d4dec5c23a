import type { Principal } from './principal';

// A symbol cannot collide with properties set by other middleware or by the client.
const PRINCIPAL = Symbol('mrm:auth:principal');

/** The part of an HTTP request the auth guards read and write. */
export interface AuthRequest {
  readonly headers: Record<string, string | string[] | undefined>;
  [PRINCIPAL]?: Principal;
}

/** The principal the guard attached to `request`, if any (for audit and logging middleware). */
export function getRequestPrincipal(request: object): Principal | undefined {
  return (request as AuthRequest)[PRINCIPAL];
}

/** Attaches `principal` to `request`; only the auth guard (and tests) should call it. */
export function setRequestPrincipal(request: object, principal: Principal): void {
  (request as AuthRequest)[PRINCIPAL] = principal;
}
