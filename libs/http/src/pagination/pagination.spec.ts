import { DomainError } from '@mrm/errors';
import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('cursor pagination', () => {
  const key = {
    createdAt: '2026-03-01T10:00:00.123456Z',
    id: '0190c0de-0000-7000-8000-000000000001',
  };

  it('round-trips a sort key through an opaque base64url cursor', () => {
    const cursor = encodeCursor(key);

    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(key);
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it.each([
    ['not base64 JSON', 'bm90LWpzb24'],
    ['a JSON of the wrong shape', Buffer.from('{"a":1}').toString('base64url')],
    [
      'a bad date',
      Buffer.from('["yesterday","0190c0de-0000-7000-8000-000000000001"]').toString('base64url'),
    ],
    ['a bad id', Buffer.from('["2026-03-01T10:00:00Z","1; DROP TABLE"]').toString('base64url')],
    // Date.parse takes these; PostgreSQL refuses them, which answered 500.
    ...[
      '2026-02-30T10:00:00Z',
      '+275760-09-13T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '2026-03-01',
    ].map((instant) => [
      `an impossible instant ${instant}`,
      Buffer.from(JSON.stringify([instant, key.id])).toString('base64url'),
    ]),
  ])('refuses %s as a 400 on the cursor field', (_case, cursor) => {
    let error: unknown;
    try {
      decodeCursor(cursor);
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(400);
    expect((error as DomainError).violations).toEqual([
      { field: 'cursor', message: expect.any(String) },
    ]);
  });

  it('gives a next cursor only when the extra row exists', () => {
    const rows = [1, 2, 3].map((n) => ({
      n,
      key: { ...key, id: `0190c0de-0000-7000-8000-00000000000${n}` },
    }));

    const full = toPage({ rows, limit: 2, keyOf: (row) => row.key, map: (row) => row.n });
    const last = toPage({
      rows: rows.slice(0, 2),
      limit: 2,
      keyOf: (row) => row.key,
      map: (row) => row.n,
    });

    expect(full.items).toEqual([1, 2]);
    expect(decodeCursor(full.nextCursor ?? undefined)).toEqual(rows[1].key);
    expect(last).toEqual({ items: [1, 2], nextCursor: null });
  });
});
