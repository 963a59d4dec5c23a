import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { signDevToken } from '@mrm/auth';
import { BENEFICIARY_CATEGORIES, REGION_CODES, SEXES } from '@mrm/contracts';
import { sleep, WARMUP_MAX_MS, WARMUP_OPERATIONS } from './stats';

export interface HttpResult {
  readonly status: number;
  readonly body: string;
}

/** A keep-alive HTTP/1.1 client for one server, with at most `maxSockets` connections. */
export class KeepAliveClient {
  private readonly agent: Agent;

  constructor(
    private readonly port: number,
    maxSockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  post(path: string, body: string, headers: Record<string, string>): Promise<HttpResult> {
    return this.send('POST', path, body, {
      ...headers,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
    });
  }

  get(path: string, headers: Record<string, string>): Promise<HttpResult> {
    return this.send('GET', path, undefined, headers);
  }

  private send(
    method: string,
    path: string,
    body: string | undefined,
    headers: Record<string, string>,
  ): Promise<HttpResult> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          path,
          method,
          agent: this.agent,
          headers,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          response.on('error', reject);
        },
      );
      req.on('error', reject);
      if (body === undefined) req.end();
      else req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

const NATIONALITIES = ['MA', 'SN', 'CI', 'GN', 'ML', 'CM', 'NG', 'SY', 'YE', 'SD', 'CD', 'GM'];
const PROGRAMMES = ['FORAS', 'MOTUSE', 'AVRR-2026', 'SAVE', undefined];

/** Deterministic pseudo-random generator (mulberry32) so every run sends the same mix. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BeneficiaryDimensionsSample {
  readonly category: string;
  readonly sex: string;
  readonly birthDate: string;
  readonly nationality: string;
  readonly regionCode: string;
  readonly programmeCode?: string;
}

/** Valid registration bodies with varied dimensions. */
export function sampleBeneficiaries(count: number, seed = 42): BeneficiaryDimensionsSample[] {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  return Array.from({ length: count }, () => {
    const year = 1950 + Math.floor(random() * 58);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const programmeCode = pick(PROGRAMMES);
    return {
      category: pick(BENEFICIARY_CATEGORIES),
      sex: pick(SEXES),
      birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      nationality: pick(NATIONALITIES),
      regionCode: pick(REGION_CODES),
      ...(programmeCode ? { programmeCode } : {}),
    };
  });
}

// Consonants that the duplicate detector's phonetic key keeps apart (no c/q/x/h/j/w/y, which it
// merges or weakens); inner vowels are dropped by that key, so a name is its consonant sequence.
const CONSONANTS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z'];
const NAME_DIGITS = 5; // 13^5 = 371,293 distinct names
const LAST_NAME_OFFSET = 185_000;

/**
 * A name unique to `value` (< 13^5) for the phonetic key too: base-13 digits pick consonants
 * that never repeat back to back (repeats collapse), joined by vowels, e.g. `Bafadaga`.
 */
export function uniqueName(value: number): string {
  let rest = value;
  let previous = -1;
  let name = '';
  for (let position = 0; position < NAME_DIGITS; position += 1) {
    const digit = rest % 13;
    rest = Math.floor(rest / 13);
    const index = previous < 0 ? digit : (previous + 1 + digit) % CONSONANTS.length;
    name += `${CONSONANTS[index]}a`;
    previous = index;
  }
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Indexes below this give unique names (first and last) for the phonetic key too. */
export const MAX_NAME_INDEX = 13 ** NAME_DIGITS - LAST_NAME_OFFSET;

/** A valid Moroccan mobile number (E.164) unique to `value` (< 10^7). */
export function uniquePhone(value: number): string {
  return `+21260${String(value).padStart(7, '0')}`;
}

/** A passport number unique to `value`. */
export function uniquePassport(value: number): string {
  return `P${String(value).padStart(8, '0')}`;
}

/**
 * The registration of the `index`-th person: dimensions cycled from `samples`; names, phone and
 * passport number unique to the index, so the duplicate check finds no candidate (a 409 would not
 * be a 201). With phone and document, a create does all the work of issue #3: five encrypted
 * fields, phone, document and name blind indexes, and the duplicate lookups on each.
 */
export function registrationRequest(
  samples: readonly BeneficiaryDimensionsSample[],
  index: number,
): Record<string, unknown> {
  const dimensions = samples[index % samples.length];
  return {
    firstName: uniqueName(index),
    lastName: uniqueName(index + LAST_NAME_OFFSET),
    phone: uniquePhone(index),
    documents: [
      { type: 'PASSPORT', number: uniquePassport(index), issuingCountry: dimensions.nationality },
    ],
    ...dimensions,
  };
}

/** {@link registrationRequest} as the JSON body sent to the API. */
export function registrationBody(
  samples: readonly BeneficiaryDimensionsSample[],
  index: number,
): string {
  return JSON.stringify(registrationRequest(samples, index));
}

export const REGISTER_PATH = '/api/v1/beneficiaries';

/** `Authorization` header of a case worker of IOM (development token, accepted outside production). */
export function caseWorkerAuthorization(): string {
  return `Bearer ${signDevToken({ sub: 'bench', org: 'IOM', roles: ['case-worker'] })}`;
}

export interface ClosedLoopResult {
  readonly ok: number;
  readonly errors: number;
  readonly latenciesMs: number[];
  readonly elapsedMs: number;
  readonly firstError?: string;
}

/**
 * `concurrency` workers each run `operation` back to back until `durationMs` elapsed or `maxOps`
 * operations started. An operation returns true on success, false (or throws) on failure.
 */
export async function closedLoop(input: {
  concurrency: number;
  durationMs: number;
  maxOps?: number;
  operation: (index: number) => Promise<boolean | string>;
}): Promise<ClosedLoopResult> {
  const latenciesMs: number[] = [];
  let ok = 0;
  let errors = 0;
  let started = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const deadline = start + input.durationMs;
  const maxOps = input.maxOps ?? Number.POSITIVE_INFINITY;
  const worker = async () => {
    while (performance.now() < deadline && started < maxOps) {
      const index = started++;
      const t0 = performance.now();
      let outcome: boolean | string;
      try {
        outcome = await input.operation(index);
      } catch (error) {
        outcome = (error as Error).message;
      }
      if (outcome === true) {
        ok += 1;
        latenciesMs.push(performance.now() - t0);
      } else {
        errors += 1;
        firstError ??= String(outcome);
      }
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, worker));
  return { ok, errors, latenciesMs, elapsedMs: performance.now() - start, firstError };
}

/** A side's warm-up: {@link WARMUP_OPERATIONS} operations in a closed loop (at most WARMUP_MAX_MS). */
export function warmUp(input: {
  concurrency: number;
  operation: (index: number) => Promise<boolean | string>;
}): Promise<ClosedLoopResult> {
  return closedLoop({ ...input, durationMs: WARMUP_MAX_MS, maxOps: WARMUP_OPERATIONS });
}

/**
 * Starts `operation` at a steady `ratePerSecond` for `durationMs` regardless of how long each
 * takes (open loop), with at most `maxInFlight` outstanding; resolves when all have settled.
 */
export async function openLoop(input: {
  ratePerSecond: number;
  durationMs: number;
  maxInFlight: number;
  operation: (index: number) => Promise<void>;
}): Promise<{ started: number; elapsedMs: number; skipped: number }> {
  const total = Math.round((input.ratePerSecond * input.durationMs) / 1000);
  const intervalMs = 1000 / input.ratePerSecond;
  const inFlight = new Set<Promise<void>>();
  let started = 0;
  let skipped = 0;
  const start = performance.now();
  while (started + skipped < total) {
    const due = Math.min(total, Math.floor((performance.now() - start) / intervalMs) + 1);
    while (started + skipped < due) {
      if (inFlight.size >= input.maxInFlight) {
        skipped += 1;
        continue;
      }
      const task: Promise<void> = input
        .operation(started++)
        .catch(() => undefined)
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
    }
    await sleep(1);
  }
  const elapsedMs = performance.now() - start;
  await Promise.all([...inFlight]);
  return { started, elapsedMs, skipped };
}
