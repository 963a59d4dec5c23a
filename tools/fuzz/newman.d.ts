// newman ships no types; the part of its programmatic API the fuzz run uses.
declare module 'newman' {
  import type { EventEmitter } from 'node:events';

  interface NewmanHeaders {
    get(name: string): string | undefined;
  }

  interface NewmanRequestEvent {
    readonly item: { readonly name: string };
    readonly request: { readonly method: string; readonly url: { toString(): string } };
    readonly response?: { readonly code: number; readonly headers: NewmanHeaders; text(): string };
  }

  interface NewmanRunOptions {
    readonly collection: object;
    readonly envVar?: { key: string; value: string }[];
    readonly reporters?: string[];
    readonly timeoutRequest?: number;
    readonly insecureFileRead?: boolean;
    readonly ignoreRedirects?: boolean;
  }

  interface NewmanRun extends EventEmitter {
    on(event: 'request', listener: (error: Error | null, args: NewmanRequestEvent) => void): this;
  }

  export function run(
    options: NewmanRunOptions,
    callback: (error: Error | null, summary: unknown) => void,
  ): NewmanRun;
}
