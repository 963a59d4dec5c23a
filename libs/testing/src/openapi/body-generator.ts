import { JSONSchemaFaker, type Schema } from 'json-schema-faker';
import type { JsonSchema } from './openapi-json-schema';
import { PLATFORM_FORMATS } from './platform-formats';

// Names in several scripts, for patterns json-schema-faker cannot expand (`\p{L}`: any letter).
const NAME_SAMPLES = ['Fatima Zahra', "N'Diaye", 'Élodie', 'Mamadou', 'Ana-María', 'Ngozi', 'Jean'];

/** A seeded generator (mulberry32): the same seed gives the same bodies. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The schema the faker works from: a Unicode-property pattern becomes the sample names it
 * accepts, and `not` (which the faker does not honour) is left to the validity check.
 */
function forFaker(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forFaker);
  if (typeof node !== 'object' || node === null) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node as JsonSchema)) {
    if (key !== 'not') out[key] = key === 'enum' ? value : forFaker(value);
  }
  if (typeof out.pattern === 'string' && out.pattern.includes('\\p{')) {
    const pattern = new RegExp(out.pattern, 'u');
    out.enum = NAME_SAMPLES.filter((name) => pattern.test(name));
    delete out.pattern;
  }
  return out;
}

export interface GeneratedBodies {
  readonly bodies: unknown[];
  /** Generated values that did not validate against the schema, so were not sent. */
  readonly discarded: number;
}

/**
 * `count` values generated from `schema` with json-schema-faker, seeded, keeping only those that
 * `isValid` accepts (the faker does not honour every keyword); gives up after `count * 20` tries.
 */
export function generateBodies(input: {
  schema: JsonSchema;
  count: number;
  seed: number;
  isValid: (body: unknown) => boolean;
}): GeneratedBodies {
  const random = seededRandom(input.seed);
  JSONSchemaFaker.option({
    random,
    optionalsProbability: 0.5,
    maxItems: 4,
    maxLength: 40,
    failOnInvalidFormat: true,
    renderTitle: false,
    renderDescription: false,
  });
  for (const [name, format] of Object.entries(PLATFORM_FORMATS)) {
    JSONSchemaFaker.format(name, () => format.generate(random));
  }
  const schema = forFaker(input.schema) as Schema;
  const bodies: unknown[] = [];
  let discarded = 0;
  for (let attempt = 0; attempt < input.count * 20 && bodies.length < input.count; attempt += 1) {
    const body = JSONSchemaFaker.generate(schema);
    if (input.isValid(body)) bodies.push(body);
    else discarded += 1;
  }
  return { bodies, discarded };
}
