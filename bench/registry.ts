import {
  caseWorkerAuthorization,
  closedLoop,
  KeepAliveClient,
  MAX_NAME_INDEX,
  REGISTER_PATH,
  registrationBody,
  registrationRequest,
  sampleBeneficiaries,
  seededRandom,
  type ClosedLoopResult,
  warmUp,
} from './lib/http-load';
import { migrateRegistration } from './lib/raw-registration';
import { loadRegistry, type LoadedRegistry } from './lib/registry-loader';
import { ServiceProcess } from './lib/service-process';
import { envInt, fmtMs, fmtRate, summarise, type LatencySummary } from './lib/stats';
import type { BenchResources } from './lib/substrate';

export const REGISTRY_SIZE = envInt('BENCH_REGISTRY_SIZE', 100_000);
export const REGISTRY_CONCURRENCY = envInt('BENCH_API_CONCURRENCY', 32);
const CREATE_SECONDS = envInt('BENCH_REGISTRY_CREATE_SECONDS', 10);
const SEARCH_SECONDS = envInt('BENCH_SEARCH_SECONDS', 5);
/** The API's creates use request indexes below this; the loaded people the ones above. */
const LOADED_FROM = 60_000;

export const SEARCH_KINDS = ['document', 'phone', 'name'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchFigures {
  readonly latency: LatencySummary;
  readonly ratePerSecond: number;
  readonly errors: number;
  readonly firstError?: string;
}

export interface RegistryResult {
  readonly loaded: LoadedRegistry;
  readonly create: {
    readonly ratePerSecond: number;
    readonly latency: LatencySummary;
    readonly ok: number;
    readonly errors: number;
    readonly firstError?: string;
  };
  readonly search: Record<SearchKind, SearchFigures>;
}

/** The identity search body for one loaded person: document number, phone or full name. */
function searchBody(kind: SearchKind, person: Record<string, unknown>): string {
  if (kind === 'document') {
    const [document] = person.documents as Array<{ type: string; number: string }>;
    return JSON.stringify({ documentType: document.type, documentNumber: document.number });
  }
  if (kind === 'phone') return JSON.stringify({ phone: person.phone as string });
  return JSON.stringify({ name: `${person.firstName as string} ${person.lastName as string}` });
}

// Identity search takes its filters in a body, never in a URL (issue 18).
const SEARCH_PATH = `${REGISTER_PATH}/search`;

function describe(label: string, result: ClosedLoopResult): void {
  const latency = summarise(result.latenciesMs);
  console.log(
    `  ${label}: ${fmtRate((result.ok / result.elapsedMs) * 1000, '/s')} (${result.ok} ok, ` +
      `${result.errors} errors in ${(result.elapsedMs / 1000).toFixed(1)} s), latency p50 ` +
      `${fmtMs(latency.p50)}, p99 ${fmtMs(latency.p99)}, max ${fmtMs(latency.max)}` +
      (result.firstError ? `; first error: ${result.firstError.slice(0, 300)}` : ''),
  );
}

/**
 * 5. Issue #3's figures on a registry of REGISTRY_SIZE beneficiaries: create throughput through
 * the API at a fixed concurrency, then search latency (one request at a time) by document number,
 * by phone and by full name, each request checked to find the person it looks for.
 */
export async function registryFigures(resources: BenchResources): Promise<RegistryResult> {
  if (LOADED_FROM + REGISTRY_SIZE > MAX_NAME_INDEX) {
    throw new Error(`BENCH_REGISTRY_SIZE must be at most ${MAX_NAME_INDEX - LOADED_FROM}`);
  }
  const db = await resources.database('registry');
  await migrateRegistration(db.url);
  const loaded = await loadRegistry({ url: db.url, count: REGISTRY_SIZE, firstIndex: LOADED_FROM });
  console.log(
    `  loaded ${loaded.rows.toLocaleString('en-US')} beneficiaries (${loaded.searchKeys.toLocaleString('en-US')} ` +
      `search keys; half of them IOM's) in ${loaded.seconds.toFixed(1)} s`,
  );

  const service = await ServiceProcess.start({
    service: 'registration',
    databaseUrl: db.url,
    natsUrl: resources.natsUrl,
    namespace: resources.namespace(),
  });
  resources.onRelease('stop registration', () => service.stop());
  const client = new KeepAliveClient(service.port, REGISTRY_CONCURRENCY);
  resources.onRelease('close HTTP agent', () => Promise.resolve(client.close()));
  const authorization = caseWorkerAuthorization();

  // --- create throughput on the loaded registry (the duplicate lookups now search 100,000 people)
  const createSamples = sampleBeneficiaries(2000, 5);
  let next = 0;
  const post = async () => {
    if (next >= LOADED_FROM) throw new Error('bench ran out of unique people to create');
    const response = await client.post(REGISTER_PATH, registrationBody(createSamples, next++), {
      authorization,
    });
    return response.status === 201 || `HTTP ${response.status}: ${response.body}`;
  };
  describe('create warm-up', await warmUp({ concurrency: REGISTRY_CONCURRENCY, operation: post }));
  const cpu0 = service.cpuMs();
  const created = await closedLoop({
    concurrency: REGISTRY_CONCURRENCY,
    durationMs: CREATE_SECONDS * 1000,
    operation: post,
  });
  describe(`create (c=${REGISTRY_CONCURRENCY})`, created);
  console.log(
    `  CPU per create: registration process ${((service.cpuMs() - cpu0) / Math.max(1, created.ok)).toFixed(2)} ms`,
  );

  // --- search latency: one request at a time, random IOM-owned loaded people
  const loadedSamples = sampleBeneficiaries(2000, 11);
  const random = seededRandom(3);
  const search = {} as Record<SearchKind, SearchFigures>;
  for (const kind of SEARCH_KINDS) {
    const lookup = async () => {
      const index = loaded.iomIndexes[Math.floor(random() * loaded.iomIndexes.length)];
      const person = registrationRequest(loadedSamples, index);
      const response = await client.post(SEARCH_PATH, searchBody(kind, person), { authorization });
      if (response.status !== 200) return `HTTP ${response.status}: ${response.body}`;
      const page = JSON.parse(response.body) as {
        items: Array<{ names: { firstName: string; lastName: string } | null }>;
      };
      // Exactly the person searched for (names are decrypted in the answer).
      const names = page.items[0]?.names;
      return page.items.length === 1 &&
        names?.firstName === person.firstName &&
        names?.lastName === person.lastName
        ? true
        : `found ${page.items.length} for ${kind} ${index}: ${response.body.slice(0, 200)}`;
    };
    await closedLoop({ concurrency: 1, durationMs: 500, operation: lookup }); // warm-up
    const result = await closedLoop({
      concurrency: 1,
      durationMs: SEARCH_SECONDS * 1000,
      operation: lookup,
    });
    describe(`search by ${kind}`, result);
    search[kind] = {
      latency: summarise(result.latenciesMs),
      ratePerSecond: (result.ok / result.elapsedMs) * 1000,
      errors: result.errors,
      firstError: result.firstError,
    };
  }
  return {
    loaded,
    create: {
      ratePerSecond: (created.ok / created.elapsedMs) * 1000,
      latency: summarise(created.latenciesMs),
      ok: created.ok,
      errors: created.errors,
      firstError: created.firstError,
    },
    search,
  };
}
