import { signDevToken, type Role } from '@mrm/auth';

/** The four services the demonstration writes to, and reporting, by base URL. */
export interface DemoTargets {
  readonly registration: string;
  readonly training: string;
  readonly reintegration: string;
  readonly referrals: string;
  readonly reporting: string;
}
export type DemoService = keyof DemoTargets;

/** Who makes a call: the claims of a development token. */
export interface Actor {
  readonly org: string;
  readonly roles: readonly Role[];
  readonly sub: string;
}

export interface DemoCall {
  readonly service: DemoService;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  readonly path: string;
  readonly as: Actor;
  readonly body?: unknown;
  readonly ifMatch?: string;
  /** Statuses that count as success; 2xx by default. */
  readonly expect?: readonly number[];
  /**
   * Statuses that mean "not there yet" (an event still on its way to another service's read
   * model): the call is repeated for a while before it counts as failed.
   */
  readonly retryOn?: readonly number[];
}

export interface DemoResponse<T> {
  readonly status: number;
  readonly body: T;
  readonly etag: string | undefined;
}

/** A call that did not succeed: the demonstration stops and says which one. */
export class DemoCallError extends Error {
  constructor(
    readonly call: DemoCall,
    readonly status: number,
    readonly detail: string,
  ) {
    super(`${call.method} ${call.service}${call.path} answered ${status}: ${detail}`);
  }
}

const RETRY_DELAY_MS = 250;
const RETRY_ATTEMPTS = 120;

/**
 * The demonstration's only way into the platform: its public HTTP APIs, with development tokens
 * signed for each actor. Counts every call so the summary can prove they all succeeded.
 */
export class PlatformClient {
  readonly calls: Record<DemoService, number> = {
    registration: 0,
    training: 0,
    reintegration: 0,
    referrals: 0,
    reporting: 0,
  };
  failed = 0;
  retried = 0;
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly targets: DemoTargets,
    private readonly secret: string | undefined,
  ) {}

  get total(): number {
    return Object.values(this.calls).reduce((sum, n) => sum + n, 0);
  }

  async call<T = Record<string, unknown>>(call: DemoCall): Promise<DemoResponse<T>> {
    for (let attempt = 1; ; attempt += 1) {
      const response = await this.send(call);
      const ok = call.expect ? call.expect.includes(response.status) : response.status < 300;
      if (ok) return response as DemoResponse<T>;
      if (call.retryOn?.includes(response.status) && attempt < RETRY_ATTEMPTS) {
        this.retried += 1;
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
        continue;
      }
      this.failed += 1;
      throw new DemoCallError(call, response.status, describe(response.body));
    }
  }

  private async send(call: DemoCall): Promise<DemoResponse<unknown>> {
    this.calls[call.service] += 1;
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.tokenOf(call.as)}`,
      accept: 'application/json',
    };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.ifMatch !== undefined) headers['if-match'] = call.ifMatch;
    const response = await fetch(`${this.targets[call.service]}${call.path}`, {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body:
        text.length > 0 && /json/.test(response.headers.get('content-type') ?? '')
          ? JSON.parse(text)
          : text,
      etag: response.headers.get('etag') ?? undefined,
    };
  }

  private tokenOf(actor: Actor): string {
    const key = `${actor.org}|${actor.sub}|${actor.roles.join(',')}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = signDevToken({ ...actor, secret: this.secret, ttlSeconds: 4 * 3600 });
      this.tokens.set(key, token);
    }
    return token;
  }
}

function describe(body: unknown): string {
  if (typeof body === 'object' && body !== null) {
    const problem = body as { code?: string; title?: string; detail?: string };
    return [problem.code, problem.title, problem.detail].filter(Boolean).join(' — ');
  }
  return String(body).slice(0, 200);
}
