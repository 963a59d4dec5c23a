import { AsyncLocalStorage } from 'node:async_hooks';
import { uuidv7 } from '@mrm/contracts';

/** What every log line and every event produced in the current unit of work carries along. */
export interface RequestContext {
  /** Shared by every request and event caused by one user action. */
  readonly correlationId: string;
  /** The event or request that directly caused the current work. */
  readonly causationId?: string;
  readonly traceparent?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The current context, or a fresh one for work that starts outside any request (jobs, CLIs). */
export function contextOrNew(): RequestContext {
  return storage.getStore() ?? { correlationId: uuidv7() };
}
