import { uuidv7 } from './uuid-v7';

describe('uuidv7 (block-drawn randomness)', () => {
  it.each([0, 1, 255, 2 ** 32 - 1, 2 ** 32, Date.UTC(2026, 0, 1), 2 ** 48 - 1])(
    'puts the 48-bit timestamp %d first, big-endian',
    (ms) => {
      const hex = uuidv7(ms).replace(/-/g, '');

      expect(hex.slice(0, 12)).toBe(ms.toString(16).padStart(12, '0'));
      expect(hex[12]).toBe('7');
      expect('89ab').toContain(hex[16]);
    },
  );

  it('keeps the original arithmetic outside 0..2^48 and refuses what BigInt refuses', () => {
    expect(uuidv7(-1).slice(0, 13)).toBe('ffffffff-ffff');
    expect(() => uuidv7(1.5)).toThrow(RangeError);
  });

  it('never repeats, also across blocks of random bytes', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(1_700_000_000_000));

    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});
