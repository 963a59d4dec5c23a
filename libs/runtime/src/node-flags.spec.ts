import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NODE_FLAGS } from './node-flags';

describe('SERVICE_NODE_FLAGS', () => {
  it('are the options the container image starts the services with', () => {
    const dockerfile = readFileSync(join(__dirname, '..', '..', '..', 'Dockerfile'), 'utf8');
    const command = dockerfile.split('\n').find((line) => line.startsWith('CMD '));
    expect(command).toBeDefined();
    for (const flag of SERVICE_NODE_FLAGS) expect(command).toContain(`exec node ${flag}`);
  });

  it('are accepted by this node', () => {
    // An unknown or misspelt V8 option would stop every service at start-up.
    expect(() =>
      execFileSync(process.execPath, [...SERVICE_NODE_FLAGS, '-e', '0'], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});
