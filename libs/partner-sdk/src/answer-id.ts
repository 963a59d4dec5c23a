import { createHash } from 'node:crypto';

/**
 * The `ce-id` of an answer: a UUID derived from what it answers (the delivered message's id) and
 * the answer, so that answering again after a crash repeats the same id and the platform's inbox
 * drops the repeat. RFC 9562 version 8 (custom) layout.
 */
export function deterministicAnswerId(partner: string, messageId: string, answer: string): string {
  const hex = createHash('sha256').update(`${partner}|${messageId}|${answer}`).digest('hex');
  const variant = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
