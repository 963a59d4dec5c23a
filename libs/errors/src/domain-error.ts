/** One field-level problem, as listed in a problem+json `errors` member. */
export interface FieldViolation {
  readonly field: string;
  readonly message: string;
}

export interface DomainErrorOptions {
  readonly detail?: string;
  readonly violations?: readonly FieldViolation[];
  readonly cause?: unknown;
}

/**
 * A broken business rule with a stable code. Services throw these (never HttpException); the HTTP
 * layer maps `status` to problem+json and the event consumer treats them as permanent failures.
 * `service` and `code` together form the problem `type` URI.
 */
export abstract class DomainError extends Error {
  abstract readonly service: string;
  readonly detail?: string;
  readonly violations: readonly FieldViolation[];

  protected constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    options: DomainErrorOptions = {},
  ) {
    super(options.detail ?? title, { cause: options.cause });
    this.name = new.target.name;
    this.detail = options.detail;
    this.violations = options.violations ?? [];
  }
}

/** Defines an error family from a code → { status, title } table that the compiler keeps exhaustive. */
export function defineErrorFamily<Code extends string>(
  service: string,
  table: Record<Code, { readonly status: number; readonly title: string }>,
) {
  return class FamilyError extends DomainError {
    readonly service = service;
    constructor(code: Code, options?: DomainErrorOptions) {
      super(code, table[code].status, table[code].title, options);
    }
  };
}
