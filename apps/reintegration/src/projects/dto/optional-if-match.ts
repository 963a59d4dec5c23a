import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { parseIfMatch } from '@mrm/http';
import type { Request } from 'express';

/** `If-Match` when given (412 if stale): sub-resource actions lock the project row anyway. */
export const OptionalIfMatchVersion = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => {
    const header = context.switchToHttp().getRequest<Request>().headers['if-match'];
    return header === undefined ? undefined : parseIfMatch(header);
  },
);
