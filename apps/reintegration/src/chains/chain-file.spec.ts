import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readChainFile } from './chain-file';

describe('readChainFile', () => {
  const write = (content: object): string => {
    const file = join(mkdtempSync(join(tmpdir(), 'chains-')), 'chains.json');
    writeFileSync(file, JSON.stringify(content));
    return file;
  };
  const chain = (steps: string[]) => ({
    code: 'simple-business',
    title: 'Simple',
    kinds: ['individual'],
    minMembers: 1,
    steps: steps.map((code) => ({ code, title: code })),
  });

  it('reads the shipped configuration: three chains, each ending with operating', () => {
    const sut = readChainFile('apps/reintegration/config/milestone-chains.json');

    expect(sut.chains.map((item) => item.code)).toEqual([
      'cooperative-112-12',
      'auto-entrepreneur-114-13',
      'simple-business',
    ]);
    expect(sut.chains[0].steps[2]).toMatchObject({ minAmount: '1000.00' });
  });

  it.each([
    ['a chain not ending with operating', { version: '1', chains: [chain(['a', 'b'])] }],
    ['a repeated step', { version: '1', chains: [chain(['a', 'a', 'operating'])] }],
    ['a missing version', { chains: [chain(['operating'])] }],
    [
      'a default chain not made for the kind',
      { version: '1', defaults: { community: 'simple-business' }, chains: [chain(['operating'])] },
    ],
  ])('refuses %s', (_what, content) => {
    const file = write(content);

    expect(() => readChainFile(file)).toThrow();
  });
});
