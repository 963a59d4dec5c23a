import { PARTNER_CONCURRENCY, PARTNER_ROUND_TRIP_RATE, type PartnerBusResult } from './partner-bus';
import {
  OPEN_REFERRALS,
  REFERRAL_CONCURRENCY,
  REFERRAL_LAG_RATE,
  SWEEP_DAYS,
  type ReferralsResult,
} from './referrals';
import { DUE_DAYS, SCHEDULED_VISITS, type ReintegrationResult } from './reintegration';
import { REPORTING_REBUILD_EVENTS, type ReportingRebuildResult } from './reporting-rebuild';
import { fmtMs, fmtRate, fmtRatio, verdict } from './lib/stats';

// Rows of the summary table printed by run-all.ts, for the stages that print several figures.

/** The floor of every rebuild/raw ratio (stages 3 and 11). */
export const REBUILD_TARGET = 0.5;

/** The outcome of a stage that BENCH_ONLY left out. */
export class Skipped extends Error {
  constructor() {
    super('skipped (BENCH_ONLY)');
  }
}

/** The summary row of a stage that did not produce figures. */
export function noFigures(figure: string, outcome: Error, target: string): string[] {
  return outcome instanceof Skipped
    ? [figure, 'skipped', '', '', target, '—']
    : [figure, 'error', '', '', target, 'FAIL'];
}

export function reportingRebuildRow(result: ReportingRebuildResult | Error): string[] {
  const figure = `11. Reporting rebuild, ${REPORTING_REBUILD_EVENTS.toLocaleString('en-US')} events of 4 streams`;
  const target = `≥ ${REBUILD_TARGET}`;
  if (result instanceof Error) return noFigures(figure, result, target);
  const { rebuild, raw } = result;
  const ratio = rebuild.ratePerSecond / raw.ratePerSecond;
  return [
    figure,
    `${fmtRate(rebuild.ratePerSecond, 'events/s')} (${rebuild.seconds.toFixed(0)} s)`,
    `${fmtRate(raw.ratePerSecond, 'events/s')} (${raw.seconds.toFixed(0)} s)`,
    fmtRatio(ratio),
    target,
    verdict(
      ratio >= REBUILD_TARGET &&
        rebuild.read === REPORTING_REBUILD_EVENTS &&
        rebuild.invalid === 0 &&
        rebuild.wrongTables.length === 0,
    ),
  ];
}

export function reintegrationRows(result: ReintegrationResult | Error): string[][] {
  const visits = SCHEDULED_VISITS.toLocaleString('en-US');
  if (result instanceof Error) {
    return [[...noFigures(`7. Overdue visits over ${visits}`, result, '—').slice(0, 5), '—']];
  }
  const row = (figure: string, measured: string) => [
    figure,
    measured,
    '—',
    '—',
    '(issue #13)',
    '—',
  ];
  return [
    row(`7. Overdue-visit sweep, nothing due (${visits} visits)`, fmtMs(result.idleSweepMs)),
    row(
      `   sweep ${DUE_DAYS} days later (${result.dueSweep.fired} overdue)`,
      `${fmtMs(result.dueSweep.ms)} (${fmtMs(result.dueSweep.ms / Math.max(1, result.dueSweep.fired))}/visit)`,
    ),
    row('   RSS scoring, in memory', fmtRate(result.scoringPerSecond, 'responses/s')),
    row(
      `   RSS rescore of ${result.rescore.responses} stored responses`,
      fmtRate(result.rescore.perSecond, 'responses/s'),
    ),
  ];
}

export function referralsRows(result: ReferralsResult | Error): string[][] {
  const open = OPEN_REFERRALS.toLocaleString('en-US');
  if (result instanceof Error) {
    return [[...noFigures('8. Referrals created per second', result, '—').slice(0, 5), '—']];
  }
  const row = (figure: string, measured: string, failed = false) => [
    figure,
    measured,
    '—',
    '—',
    '(issue #14)',
    failed ? 'FAIL' : '—',
  ];
  return [
    row(
      `8. Referrals created, consent checked (c=${REFERRAL_CONCURRENCY})`,
      fmtRate(result.create.ratePerSecond, 'req/s'),
      result.create.errors > 0,
    ),
    row(
      '   latency p50 / p99',
      `${fmtMs(result.createLatency.p50)} / ${fmtMs(result.createLatency.p99)}`,
    ),
    row(
      `   201 → referral.requested on the bus p50 / p99 (${REFERRAL_LAG_RATE}/s)`,
      `${fmtMs(result.lag.p50)} / ${fmtMs(result.lag.p99)}`,
      result.lag.missing > 0,
    ),
    row(`   deadline sweep, nothing due (${open} open)`, fmtMs(result.idleSweepMs)),
    row(
      `   sweep ${SWEEP_DAYS} days later (${result.dueSweep.fired} missed)`,
      `${fmtMs(result.dueSweep.ms)} (${fmtMs(result.dueSweep.ms / Math.max(1, result.dueSweep.fired))}/deadline)`,
    ),
  ];
}

export function partnerBusRows(result: PartnerBusResult | Error): string[][] {
  const figure = `9. Partner bus: referrals delivered and answered (c=${PARTNER_CONCURRENCY})`;
  if (result instanceof Error) return [[...noFigures(figure, result, '—').slice(0, 5), '—']];
  const row = (name: string, measured: string, failed: boolean) => [
    name,
    measured,
    '—',
    '—',
    '(issue #15)',
    failed ? 'FAIL' : '—',
  ];
  return [
    row(
      figure,
      fmtRate(result.throughput.ratePerSecond, 'referrals/s'),
      result.throughput.errors > 0,
    ),
    row(
      `   create → acceptance visible p50 / p99 (${PARTNER_ROUND_TRIP_RATE}/s)`,
      `${fmtMs(result.roundTrip.p50)} / ${fmtMs(result.roundTrip.p99)}`,
      result.roundTrip.missing > 0,
    ),
  ];
}
