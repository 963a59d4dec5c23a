import { syntheticName } from '@mrm/testing';
import { nameKeys, namesProbablyMatch } from './name-keys';

describe('syntheticName (libs/testing) against the name keys', () => {
  it('gives 5,000 people whose name keys never match each other', () => {
    const keys = Array.from({ length: 5000 }, (_, n) => nameKeys(syntheticName(n)));
    const fullKeys = new Set(keys.flatMap((k) => k.full));

    expect(fullKeys.size).toBe(5000 * keys[0].full.length);
    expect(namesProbablyMatch(keys[1], keys[2])).toBe(false);
    expect(namesProbablyMatch(keys[42], nameKeys(syntheticName(42)))).toBe(true);
  });
});
