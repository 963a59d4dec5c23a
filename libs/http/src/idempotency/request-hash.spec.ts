import { canonicalJson, requestHash } from './request-hash';

describe('requestHash', () => {
  it('ignores the order of object keys, at any depth', () => {
    const a = requestHash({
      method: 'post',
      path: '/api/v1/x',
      body: { b: 1, a: { d: [1, 2], c: null } },
    });
    const b = requestHash({
      method: 'POST',
      path: '/api/v1/x',
      body: { a: { c: null, d: [1, 2] }, b: 1 },
    });

    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['the body', { method: 'POST', path: '/p', body: { a: 2, list: [1, 2] } }],
    ['the path', { method: 'POST', path: '/q', body: { a: 1, list: [1, 2] } }],
    ['the method', { method: 'PUT', path: '/p', body: { a: 1, list: [1, 2] } }],
    ['the order of an array', { method: 'POST', path: '/p', body: { a: 1, list: [2, 1] } }],
  ])('changes with %s', (_case, other) => {
    const base = requestHash({ method: 'POST', path: '/p', body: { a: 1, list: [1, 2] } });

    expect(requestHash(other)).not.toBe(base);
  });

  it('drops undefined members like JSON does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });
});
