import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EVENT_CATALOGUE, type EventDefinition } from '@mrm/contracts';
import type { AsyncApiDocument } from './asyncapi-types';
import { buildAsyncApiDocument } from './build-asyncapi';
import { renderEventsMarkdown } from './events-markdown';
import { readPropertyDocs } from './tsdoc';
import { toYaml } from './yaml';

export const ASYNCAPI_FILE = 'docs/asyncapi.yaml';
export const EVENTS_FILE = 'docs/events.md';
const CONTRACTS_ENTRY = 'libs/contracts/src/index.ts';

export interface BusDocuments {
  readonly document: AsyncApiDocument;
  /** Content of `docs/asyncapi.yaml`. */
  readonly yaml: string;
  /** Content of `docs/events.md` before Prettier (the CLI formats it as `format:check` expects). */
  readonly markdown: string;
}

function packageRootAbove(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The repository root: the nearest folder holding package.json above this file (or the cwd). */
export function findRepoRoot(from: string = __dirname): string {
  const root = packageRootAbove(from) ?? packageRootAbove(process.cwd());
  if (!root) throw new Error(`No package.json above ${from} or ${process.cwd()}`);
  return root;
}

/** Builds both documents of the bus from the contracts catalogue and its TSDoc. */
export function generateBusDocuments(
  repoRoot: string,
  catalogue: ReadonlyArray<EventDefinition<object>> = EVENT_CATALOGUE,
): BusDocuments {
  const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  const document = buildAsyncApiDocument(catalogue, {
    version,
    describeProperty: readPropertyDocs(repoRoot, CONTRACTS_ENTRY),
  });
  return { document, yaml: toYaml(document), markdown: renderEventsMarkdown(catalogue, document) };
}
