import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { HttpError } from '../http.errors';

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;

/** `limit` and `cursor` of every list; extend it with the list's filters. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })
  @IsOptional()
  // A query string's digits become a number; a JSON body's value is taken as sent (not `true` as 1).
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  readonly limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor: the `nextCursor` of the previous page' })
  @IsOptional()
  @MaxLength(512)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a cursor returned by this list' })
  readonly cursor?: string;
}

/** One page of a list, newest first. */
export interface Page<T> {
  readonly items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** The sort key of the last row of a page: `created_at DESC, id DESC`. */
export interface CursorKey {
  readonly createdAt: string;
  readonly id: string;
}

/** Opaque cursor: base64url of the last sort key. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.createdAt, key.id]), 'utf8').toString('base64url');
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

// What encodeCursor wrote: an ISO instant on a real calendar day that PostgreSQL can compare.
// Date.parse alone accepts 2026-02-30 (as 2 March) and years PostgreSQL refuses.
function isStoredInstant(value: string): boolean {
  const match = INSTANT.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1970 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Decodes a cursor from the client; anything else than what `encodeCursor` wrote is a 400. */
export function decodeCursor(cursor: string | undefined): CursorKey | undefined {
  if (cursor === undefined) return undefined;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      typeof decoded[0] === 'string' &&
      isStoredInstant(decoded[0]) &&
      typeof decoded[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(decoded[1])
    ) {
      return { createdAt: decoded[0], id: decoded[1] };
    }
  } catch {
    // Falls through to the validation error.
  }
  throw new HttpError('VALIDATION_FAILED', {
    detail: 'One or more fields are invalid',
    violations: [{ field: 'cursor', message: 'cursor must be a cursor returned by this list' }],
  });
}

/**
 * Builds a page from rows fetched with `LIMIT limit + 1`: the extra row only says whether
 * another page exists.
 */
export function toPage<R, T>(input: {
  rows: readonly R[];
  limit: number;
  keyOf: (row: R) => CursorKey;
  map: (row: R) => T;
}): Page<T> {
  const rows = input.rows.slice(0, input.limit);
  const more = input.rows.length > input.limit && rows.length > 0;
  return {
    items: rows.map(input.map),
    nextCursor: more ? encodeCursor(input.keyOf(rows[rows.length - 1])) : null,
  };
}
