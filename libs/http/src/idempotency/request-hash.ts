import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so that key order does not change a request's identity. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** SHA-256 of method, path and canonical body: what "the same request" means for a key. */
export function requestHash(input: { method: string; path: string; body: unknown }): string {
  return createHash('sha256')
    .update(`${input.method.toUpperCase()} ${input.path}\n${canonicalJson(input.body)}`)
    .digest('hex');
}
