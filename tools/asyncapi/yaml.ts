// A small YAML 1.2 emitter for JSON-compatible data (no new dependency): block style, keys in
// insertion order, plain scalars where unambiguous, JSON double-quoted strings otherwise.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const RESERVED = /^(?:~|null|true|false|yes|no|on|off|y|n|\.nan|[-+]?\.inf)$/i;
// Starts with a letter, `_` or `/`; printable; no `: ` or ` #` (they would start a key or a comment).
const PLAIN = /^[A-Za-z_/][^\p{Cc}\u2028\u2029\ufeff]*$/u;
const AMBIGUOUS = /: | #|[: ]$/;
// Characters YAML wants escaped that JSON.stringify leaves as they are.
const UNESCAPED_BY_JSON = /[\u007f-\u009f\u2028\u2029\ufeff]/g;

function quoted(value: string): string {
  return JSON.stringify(value).replace(
    UNESCAPED_BY_JSON,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function scalarString(value: string): string {
  const plain = PLAIN.test(value) && !AMBIGUOUS.test(value) && !RESERVED.test(value);
  return plain ? value : quoted(value);
}

function literalBlock(value: string, indent: string): string | undefined {
  // Only text a literal block reproduces exactly: no tab, CR, leading blank or newline, trailing blank.
  const lines = value.split('\n');
  const safe =
    lines.length > 1 &&
    !/[^\P{Cc}\n]|[\u2028\u2029\ufeff]/u.test(value) &&
    !/^[ \n]/.test(value) &&
    !value.endsWith('\n') &&
    lines.every((line) => !line.endsWith(' '));
  if (!safe) return undefined;
  return `|-\n${lines.map((line) => (line === '' ? '' : `${indent}${line}`)).join('\n')}`;
}

function isCollection(value: Json): value is Json[] | { [key: string]: Json } {
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

function scalar(value: Json, indent: string): string {
  if (typeof value === 'string') return literalBlock(value, indent) ?? scalarString(value);
  if (Array.isArray(value)) return '[]';
  if (value !== null && typeof value === 'object') return '{}';
  return JSON.stringify(value);
}

function emit(value: Json, indent: string): string[] {
  const lines: string[] = [];
  const entries: Array<[string | null, Json]> = Array.isArray(value)
    ? value.map((item) => [null, item])
    : Object.entries(value as { [key: string]: Json });
  for (const [key, item] of entries) {
    const lead = key === null ? `${indent}- ` : `${indent}${scalarString(key)}:`;
    if (!isCollection(item)) {
      lines.push(`${lead}${key === null ? '' : ' '}${scalar(item, `${indent}  `)}`);
    } else if (key === null) {
      // A sequence item that is a collection starts on the dash line.
      const nested = emit(item, `${indent}  `);
      lines.push(`${lead}${nested[0].trimStart()}`, ...nested.slice(1));
    } else {
      lines.push(lead, ...emit(item, `${indent}  `));
    }
  }
  return lines;
}

/** YAML text of a JSON-compatible value (object at the root), ending in a newline. */
export function toYaml(value: object): string {
  return `${emit(JSON.parse(JSON.stringify(value)) as Json, '').join('\n')}\n`;
}
