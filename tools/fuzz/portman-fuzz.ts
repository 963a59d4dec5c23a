import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import * as newman from 'newman';

// Its CLI, found through the package so that the sources and dist/ resolve the same file.
const PORTMAN = join(dirname(require.resolve('@apideck/portman/package.json')), 'bin/portman');

// Portman's fuzzing variations, on bodies, query parameters and headers: each drops a required
// property or goes past a minimum, maximum, minLength or maxLength the document states.
const FUZZ_OPTIONS = {
  requiredFields: { enabled: true },
  minimumNumberFields: { enabled: true },
  maximumNumberFields: { enabled: true },
  minLengthFields: { enabled: true },
  maxLengthFields: { enabled: true },
};

const PORTMAN_CONFIG = {
  version: 1.0,
  tests: {
    variationTests: [
      {
        openApiOperation: '*::/*',
        variations: [
          {
            name: 'Fuzz',
            fuzzing: [
              {
                requestBody: [FUZZ_OPTIONS],
                requestQueryParams: [FUZZ_OPTIONS],
                requestHeaders: [FUZZ_OPTIONS],
              },
            ],
            tests: {},
          },
        ],
      },
    ],
  },
};

/** One request of the fuzz run and what came back (no status when the connection failed). */
export interface FuzzExchange {
  readonly name: string;
  readonly method: string;
  readonly url: string;
  readonly status?: number;
  readonly contentType?: string;
  readonly body?: string;
  readonly error?: string;
}

export interface FuzzRunInput {
  /** The service's OpenAPI document, as it serves it. */
  readonly openApi: object;
  /** A loopback base URL, `http://127.0.0.1:<port>`. */
  readonly baseUrl: string;
  /** The `Authorization` token (without `Bearer `) every request carries. */
  readonly bearerToken: string;
  /** Requests past this many are not sent: the collection is cut, not the run stopped midway. */
  readonly maxRequests: number;
}

export interface FuzzRun {
  /** How many requests the generated collection held before the cut. */
  readonly generated: number;
  readonly exchanges: FuzzExchange[];
}

interface CollectionItem {
  readonly item?: CollectionItem[];
}

/** Every request of a Postman collection tree, in order. */
function requestsOf(items: CollectionItem[]): CollectionItem[] {
  return items.flatMap((item) => (item.item ? requestsOf(item.item) : [item]));
}

/**
 * Generates a Portman collection with fuzzing from the document (Portman's CLI, offline, in a
 * temporary directory it fills with its working files), then sends it with newman and records
 * every answer. Judging them is the caller's business.
 */
export async function runPortmanFuzz(input: FuzzRunInput): Promise<FuzzRun> {
  const dir = await mkdtemp(join(tmpdir(), 'mrm-fuzz-'));
  try {
    const spec = join(dir, 'openapi.json');
    const config = join(dir, 'portman-config.json');
    const output = join(dir, 'collection.json');
    await writeFile(spec, JSON.stringify(input.openApi));
    await writeFile(config, JSON.stringify(PORTMAN_CONFIG));
    await promisify(execFile)(
      process.execPath,
      [PORTMAN, '-l', spec, '-o', output, '-c', config, '-b', input.baseUrl].concat([
        '--includeTests',
        'true',
        '--runNewman',
        'false',
        '--syncPostman',
        'false',
      ]),
      { cwd: dir, maxBuffer: 16 * 1024 * 1024 },
    );
    const collection = JSON.parse(await readFile(output, 'utf8')) as { item: CollectionItem[] };
    const requests = requestsOf(collection.item);
    const sent = { ...collection, item: requests.slice(0, input.maxRequests) };
    return { generated: requests.length, exchanges: await send(sent, input) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function send(collection: object, input: FuzzRunInput): Promise<FuzzExchange[]> {
  const exchanges: FuzzExchange[] = [];
  return new Promise((resolve, reject) => {
    newman
      .run(
        {
          collection,
          envVar: [
            { key: 'baseUrl', value: input.baseUrl },
            { key: 'bearerToken', value: input.bearerToken },
          ],
          reporters: [],
          timeoutRequest: 30_000,
          ignoreRedirects: true,
        },
        (error) => (error ? reject(error) : resolve(exchanges)),
      )
      .on('request', (error, { item, request, response }) => {
        exchanges.push({
          name: item.name,
          method: request.method,
          url: request.url.toString(),
          status: response?.code,
          contentType: response?.headers.get('content-type'),
          body: response?.text().slice(0, 500),
          error: error?.message,
        });
      });
  });
}
