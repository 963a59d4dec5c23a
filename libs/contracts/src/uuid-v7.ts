import { randomFillSync } from 'node:crypto';

// Random bytes are drawn in blocks (as crypto.randomUUID does) rather than one call per id, and
// the id is formatted from a byte→hex table: ids are made several times per request.
const RANDOM_BLOCK = 4096;
const random = Buffer.allocUnsafe(RANDOM_BLOCK);
let randomOffset = RANDOM_BLOCK;
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const TWO_POW_48 = 2 ** 48;

/**
 * Generates an RFC 9562 UUID version 7: a 48-bit millisecond timestamp followed by random bits,
 * so ids sort by creation time (good for B-tree locality and for reading a stream in order).
 */
export function uuidv7(now: number = Date.now()): string {
  if (!Number.isInteger(now) || now < 0 || now >= TWO_POW_48) return uuidv7Slow(now);
  if (randomOffset + 10 > RANDOM_BLOCK) {
    randomFillSync(random);
    randomOffset = 0;
  }
  const r = randomOffset;
  randomOffset += 10;
  const high = Math.floor(now / 2 ** 32); // top 16 bits of the 48
  const low = now >>> 0;
  return (
    HEX[(high >>> 8) & 0xff] +
    HEX[high & 0xff] +
    HEX[low >>> 24] +
    HEX[(low >>> 16) & 0xff] +
    '-' +
    HEX[(low >>> 8) & 0xff] +
    HEX[low & 0xff] +
    '-' +
    HEX[(random[r] & 0x0f) | 0x70] +
    HEX[random[r + 1]] +
    '-' +
    HEX[(random[r + 2] & 0x3f) | 0x80] +
    HEX[random[r + 3]] +
    '-' +
    HEX[random[r + 4]] +
    HEX[random[r + 5]] +
    HEX[random[r + 6]] +
    HEX[random[r + 7]] +
    HEX[random[r + 8]] +
    HEX[random[r + 9]]
  );
}

// Timestamps outside 0..2^48 ms (or not integers): the original BigInt arithmetic, unchanged.
function uuidv7Slow(now: number): string {
  const bytes = Buffer.allocUnsafe(16);
  randomFillSync(bytes);
  const ms = BigInt(now);
  for (let i = 0; i < 6; i += 1) {
    bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
