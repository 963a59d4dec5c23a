import { PLATFORM_SERVICES } from '@mrm/contracts';
import { DemoCallError, type DemoTargets } from './demo-client';
import { LATE_PARTNER } from './demo-referrals';
import { DemoAlreadyRanError } from './demo-registration';
import { runDemo, runLateAnswers, type DemoSummary } from './demo-run';

// `npm run demo [-- --size 300 --seed 2026 --programme SHARAKA-DEMO --year 2026]` fills a running
// platform (`npm start`) with a year of one programme; `npm run demo -- --answer-late`, once the
// slow partner's deadlines have passed, answers its referrals late.
const USAGE =
  'usage: npm run demo -- [--size <people>] [--seed <n>] [--programme <CODE>] [--year <yyyy>] [--answer-late]';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function integer(name: string, fallback: number, min: number, max: number): number {
  const raw = option(name);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be an integer from ${min} to ${max}\n${USAGE}`);
  }
  return value;
}

function targets(): DemoTargets {
  const url = (service: keyof DemoTargets) =>
    process.env[`DEMO_${service.toUpperCase()}_URL`] ??
    `http://127.0.0.1:${PLATFORM_SERVICES[service].port}`;
  return {
    registration: url('registration'),
    training: url('training'),
    reintegration: url('reintegration'),
    referrals: url('referrals'),
    reporting: url('reporting'),
  };
}

// Before November the year is not over: show the last full year instead.
function defaultYear(): number {
  const now = new Date();
  return now.getUTCMonth() >= 10 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
}

function print(summary: DemoSummary, reporting: string): void {
  const lines = [
    '',
    `people registered ${summary.people} (cases closed ${summary.closedCases})`,
    `training: ${summary.training.courses} courses, ${summary.training.enrolments} enrolments, ${summary.training.sheets} attendance sheets, ${summary.training.surveys} satisfaction answers`,
    `reintegration: ${summary.reintegration.plans} plans, ${summary.reintegration.projects} projects (${summary.reintegration.operating} operating), ${summary.reintegration.milestones} milestones, ${summary.reintegration.grantsMad} MAD disbursed, ${summary.reintegration.visits} visits, ${summary.reintegration.surveys} RSS surveys`,
    `referrals: ${summary.referrals.referrals} to ${summary.referrals.partners} partners: ${summary.referrals.completed} completed, ${summary.referrals.rejected} declined, ${summary.referrals.inProgress} in progress, ${summary.referrals.unanswered} never answered, ${summary.referrals.awaitingLateAnswer} waiting for ${LATE_PARTNER} (run --answer-late after their 24 h deadline)`,
    `calls: ${summary.totalCalls} (${Object.entries(summary.calls)
      .map(([s, n]) => `${s} ${n}`)
      .join(
        ', ',
      )}), ${summary.retriedCalls} repeated while events travelled, ${summary.failedCalls} failed`,
    `see the figures: ANALYST=$(npm run -s token -- --org MINISTRY --roles analyst); curl -s ${reporting}/api/v1/indicators -H "authorization: Bearer $ANALYST"`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const common = {
    targets: targets(),
    seed: integer('seed', 2026, 0, 2 ** 31),
    programmeCode: option('programme') ?? 'SHARAKA-DEMO',
    year: integer('year', defaultYear(), 2000, 2100),
    jwtSecret: process.env.JWT_SECRET,
    log: (line: string) => process.stdout.write(`${line}\n`),
  };
  if (process.argv.includes('--answer-late')) {
    const late = await runLateAnswers(common);
    process.stdout.write(
      `${LATE_PARTNER} answered ${late.answered} referrals late; ${late.waiting} not yet overdue` +
        (late.nextDueAt ? ` (next due ${late.nextDueAt})` : '') +
        `; ${late.totalCalls} calls, ${late.failedCalls} failed\n`,
    );
    return;
  }
  const summary = await runDemo({ ...common, size: integer('size', 300, 10, 5000) });
  print(summary, common.targets.reporting);
}

main().catch((error: unknown) => {
  if (error instanceof DemoAlreadyRanError) {
    process.stderr.write(`refusing to run twice: ${error.message}\n`);
    process.exit(2);
  }
  const message =
    error instanceof DemoCallError
      ? `a call failed, the demonstration stopped: ${error.message}`
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
