import * as path from 'node:path';
import * as prettier from 'prettier';
import {
  ASYNCAPI_FILE,
  EVENTS_FILE,
  findRepoRoot,
  generateBusDocuments,
} from './asyncapi/generate';
import { writeOrCheckGenerated } from './generated-files';

// Writes docs/asyncapi.yaml and docs/events.md from libs/contracts.
//   npx ts-node -r tsconfig-paths/register tools/generate-asyncapi.ts [--check]
// --check writes nothing and exits 1 when a committed file differs from what would be generated.

async function formatMarkdown(repoRoot: string, markdown: string): Promise<string> {
  const file = path.join(repoRoot, EVENTS_FILE);
  const config = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(markdown, { ...config, filepath: file });
}

async function main(argv: readonly string[]): Promise<number> {
  const check = argv.includes('--check');
  const unknown = argv.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    console.error(`Unknown argument(s): ${unknown.join(' ')}. Usage: generate-asyncapi [--check]`);
    return 2;
  }
  const repoRoot = findRepoRoot();
  const { yaml, markdown } = generateBusDocuments(repoRoot);
  const outputs: Array<[string, string]> = [
    [ASYNCAPI_FILE, yaml],
    [EVENTS_FILE, await formatMarkdown(repoRoot, markdown)],
  ];
  const stale = writeOrCheckGenerated(repoRoot, outputs, check);
  if (stale > 0) {
    console.error(
      'Regenerate with: npx ts-node -r tsconfig-paths/register tools/generate-asyncapi.ts',
    );
  }
  return stale > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
