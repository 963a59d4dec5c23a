import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

export const ACCESS_REASON_HEADER = 'x-access-reason';

/** The caller's stated reason for accessing personal data (`X-Access-Reason`), for the audit log. */
export const AccessReason = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | null => {
    const raw = context.switchToHttp().getRequest<Request>().headers[ACCESS_REASON_HEADER];
    const value = (Array.isArray(raw) ? raw.join(', ') : raw)?.trim();
    // Bounded: a header is not a place for a file note.
    return value ? value.slice(0, 500) : null;
  },
);
