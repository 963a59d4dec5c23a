import { BlindIndex, generateKey } from '@mrm/protection';
import type { DataSource } from 'typeorm';
import { SearchKeysService } from './search-keys.service';

describe('SearchKeysService', () => {
  const sut = new SearchKeysService(
    BlindIndex.fromConfig({ key: generateKey() }),
    {} as DataSource,
  );
  const identity = {
    names: { firstName: 'Mohamed', lastName: 'El Amrani' },
    phone: '+212612345678',
    documents: [
      { type: 'CIN', number: 'AB123456', issuingCountry: 'MA' },
      { type: 'PASSPORT', number: 'AB123456', issuingCountry: 'MA' },
    ],
  };

  it('keys the phone, each document and the names, as 64-hex blind indexes only', () => {
    const keys = sut.keysFor(identity);

    expect(keys.filter((key) => key.kind === 'phone')).toHaveLength(1);
    expect(keys.filter((key) => key.kind === 'document')).toHaveLength(2);
    expect(keys.some((key) => key.kind === 'name-full')).toBe(true);
    expect(keys.some((key) => key.kind === 'name-token')).toBe(true);
    expect(keys.every((key) => /^[0-9a-f]{64}$/.test(key.hash))).toBe(true);
    expect(JSON.stringify(keys)).not.toMatch(/mohamed|amrani|612345678|AB123456/i);
  });

  it('gives the same document key to formatting variants of the number', () => {
    expect(sut.documentKey({ type: 'CIN', number: 'ab-123 456' })).toBe(
      sut.documentKey({ type: 'CIN', number: 'AB123456' }),
    );
  });

  it('finds a person’s name keys from a query in the other script or order', () => {
    const stored = new Set(sut.keysFor(identity).map((key) => key.hash));

    const arabic = sut.nameQueryKeys('محمد العمراني');
    const swapped = sut.nameQueryKeys('Amrani Muhammad');

    expect(arabic.full.some((hash) => stored.has(hash))).toBe(true);
    expect(swapped.full.some((hash) => stored.has(hash))).toBe(true);
    expect(sut.nameQueryKeys('Amrani').tokens.every((hash) => stored.has(hash))).toBe(true);
  });

  it('remembers recent identities by a keyed hash only, and never mixes two of them up', () => {
    const other = { ...identity, phone: '+212612345679' };

    const first = sut.keysFor(identity);
    const again = sut.keysFor({ ...identity }); // another object, the same person
    const second = sut.keysFor(other);

    expect(again).toEqual(first);
    expect(second).not.toEqual(first);
    const remembered = (sut as unknown as { recentKeys: Map<string, unknown> }).recentKeys;
    expect(remembered.size).toBeGreaterThan(0);
    expect(JSON.stringify([...remembered])).not.toMatch(/mohamed|amrani|61234567|AB123456/i);
  });

  it('has no keys for an empty identity', () => {
    expect(sut.keysFor({ names: null, phone: null, documents: [] })).toEqual([]);
  });
});
