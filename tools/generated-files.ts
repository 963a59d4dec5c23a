import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Writes generated files under the repository root, or with `check` only compares them with what
 * is committed. Returns how many are missing or stale (always 0 when writing).
 */
export function writeOrCheckGenerated(
  repoRoot: string,
  outputs: Iterable<readonly [string, string]>,
  check: boolean,
): number {
  let stale = 0;
  for (const [relative, content] of outputs) {
    const file = path.join(repoRoot, relative);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (current === content) {
      console.log(`${relative} is up to date`);
    } else if (check) {
      stale += 1;
      console.error(`${relative} is ${current === undefined ? 'missing' : 'stale'}`);
    } else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
      console.log(`wrote ${relative}`);
    }
  }
  return stale;
}
