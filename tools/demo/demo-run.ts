import { PlatformClient, type DemoTargets } from './demo-client';
import type { DemoContext } from './demo-context';
import { demoPeople } from './demo-people';
import { hashSeed, DemoRandom, isoDay } from './demo-random';
import { answerLate, runReferrals, type ReferralSummary } from './demo-referrals';
import { awaitRosters, closeSomeCases, createProgramme, registerPeople } from './demo-registration';
import { runReintegration, type ReintegrationSummary } from './demo-reintegration';
import { runTraining, type TrainingSummary } from './demo-training';

export interface DemoOptions {
  readonly targets: DemoTargets;
  /** Number of people; a few hundred make every indicator move. */
  readonly size: number;
  readonly seed: number;
  readonly programmeCode: string;
  /** The programme's year; dates never go past today. */
  readonly year: number;
  /** Development JWT secret of the platform (JWT_SECRET); the public dev secret when unset. */
  readonly jwtSecret?: string;
  readonly log: (line: string) => void;
  /** What time it is for the late answers (tests pass the platform's manual clock). */
  readonly now?: () => Date;
}

export interface DemoSummary {
  people: number;
  closedCases: number;
  training: TrainingSummary;
  reintegration: ReintegrationSummary;
  referrals: ReferralSummary;
  calls: Record<string, number>;
  totalCalls: number;
  failedCalls: number;
  retriedCalls: number;
}

/** A year of one programme, through the public APIs only, in the order the year happens. */
export async function runDemo(options: DemoOptions): Promise<DemoSummary> {
  const client = new PlatformClient(options.targets, options.jwtSecret);
  const ctx: DemoContext = {
    client,
    random: new DemoRandom(options.seed ^ hashSeed(options.programmeCode)),
    programmeCode: options.programmeCode,
    year: options.year,
    today: isoDay(new Date()),
    log: options.log,
  };
  ctx.log(`programme ${ctx.programmeCode}, ${options.size} people, seed ${options.seed}`);
  const programmeId = await createProgramme(ctx);
  const people = demoPeople({
    random: ctx.random,
    count: options.size,
    // Another programme gets other family names, so the duplicate detector keeps quiet.
    offset: (hashSeed(options.programmeCode) % 900) * 1000,
    programmeCode: ctx.programmeCode,
    year: ctx.year,
  });
  ctx.log('registration: people, programme enrolments');
  const registered = await registerPeople(ctx, { people, programmeId });
  ctx.log('waiting for training, reintegration and referrals to learn of them from the bus');
  await awaitRosters(ctx, registered);
  ctx.log('training: courses, sessions, attendance, completions, satisfaction');
  const training = await runTraining(ctx, registered);
  ctx.log('reintegration: plans, projects, milestones, grants, visits, surveys');
  const reintegration = await runReintegration(ctx, registered);
  ctx.log('referrals: partners, services, consents, referrals and answers');
  const referrals = await runReferrals(ctx, registered);
  const closedCases = await closeSomeCases(ctx, registered);
  return {
    people: registered.length,
    closedCases,
    training,
    reintegration,
    referrals,
    calls: { ...client.calls },
    totalCalls: client.total,
    failedCalls: client.failed,
    retriedCalls: client.retried,
  };
}

/** The second act: the slow partner answers the referrals whose deadline has passed. */
export async function runLateAnswers(
  options: Pick<
    DemoOptions,
    'targets' | 'jwtSecret' | 'log' | 'programmeCode' | 'year' | 'seed' | 'now'
  >,
) {
  const client = new PlatformClient(options.targets, options.jwtSecret);
  const ctx: DemoContext = {
    client,
    random: new DemoRandom(options.seed),
    programmeCode: options.programmeCode,
    year: options.year,
    today: isoDay(new Date()),
    log: options.log,
  };
  const result = await answerLate(ctx, (options.now ?? (() => new Date()))());
  return { ...result, totalCalls: client.total, failedCalls: client.failed };
}
