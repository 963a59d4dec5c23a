/** Nearest-rank percentile of an already sorted array (milliseconds in, milliseconds out). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

export function summarise(values: number[]): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  const sum = values.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

export function fmtRate(perSecond: number, unit: string): string {
  if (!Number.isFinite(perSecond)) return 'n/a';
  return `${Math.round(perSecond).toLocaleString('en-US')} ${unit}`;
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

export function fmtRatio(ratio: number): string {
  return Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a';
}

export function verdict(pass: boolean | undefined): string {
  if (pass === undefined) return '—';
  return pass ? 'PASS' : 'FAIL';
}

/** A plain-text table with columns padded to their widest cell. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => (cell ?? '').padEnd(widths[column])).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Integer from the environment (for shorter development runs), else the default. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

/**
 * Operations every side runs before it is measured. V8 optimises a function once it has run
 * often enough, so a warm-up is counted in operations, the same number for each side, not in
 * seconds (the slower side would get fewer). A freshly started registration service needs about
 * 3,500 creates before its CPU per request settles: 6–7 ms over the first 2 s, 2.3–2.9 ms from
 * about 3,500 creates on (2 s windows of 32 concurrent creates, two runs, bench/README.md).
 */
export const WARMUP_OPERATIONS = envInt('BENCH_WARMUP_OPERATIONS', 5000);
/** A warm-up that cannot finish its operations in this time stops anyway. */
export const WARMUP_MAX_MS = 120_000;
