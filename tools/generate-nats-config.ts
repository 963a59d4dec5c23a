import { findRepoRoot } from './asyncapi/generate';
import { writeOrCheckGenerated } from './generated-files';
import { generateNatsConfigs } from './nats-config/generate';

// Writes the NATS server configurations (compose, Kubernetes) from libs/nats-authorization; the
// accounts they include are rendered from the partner directory by `npm run partners -- render`.
//   npm run nats:config [-- --check]
// --check writes nothing and exits 1 when a committed file differs from what would be generated.

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const unknown = argv.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    console.error(`Unknown argument(s): ${unknown.join(' ')}. Usage: nats:config [--check]`);
    return 2;
  }
  const repoRoot = findRepoRoot();
  const stale = writeOrCheckGenerated(repoRoot, generateNatsConfigs(), check);
  if (stale > 0) console.error('Regenerate with: npm run nats:config');
  return stale > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
