import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findRepoRoot } from '../asyncapi/generate';
import { generateNatsConfigs } from './generate';

// The committed NATS configurations are generated output: a hand edit, or a change of the
// generator without `npm run nats:config`, fails here.
describe('committed NATS configurations', () => {
  const repoRoot = findRepoRoot();

  it.each(generateNatsConfigs())('%s equals the generator output', (relative, content) => {
    expect(readFileSync(path.join(repoRoot, relative), 'utf8')).toBe(content);
  });
});
