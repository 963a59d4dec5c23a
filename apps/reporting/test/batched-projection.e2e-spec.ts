import {
  enrolmentCompletedV1,
  enrolmentCreatedV1,
  enrolmentPromotedV1,
  enrolmentWithdrawnV1,
  planApprovedV1,
  projectClosedV1,
  projectCreatedV1,
  projectDisbursementPaidV1,
  projectMilestoneReachedV1,
  projectOperatingV1,
  referralAcceptedV1,
  referralCompletedV1,
  referralOverdueV1,
  referralReceivedV1,
  referralRejectedV1,
  referralRequestedV1,
  satisfactionRecordedV1,
  surveyScoredV1,
  uuidv7,
  visitOverdueV1,
  visitRecordedV1,
  visitScheduledV1,
  type EventEnvelope,
} from '@mrm/contracts';
import { TestService } from '@mrm/testing';
import { DataSource, type EntityManager } from 'typeorm';
import {
  FACT_TABLES,
  PENDING_ROLLUP_TABLES,
  ROLLUP_TABLES,
  type FactTable,
  type TableNames,
} from '../src/projections/fact-tables';
import { BeneficiaryFactsProjector } from '../src/beneficiary-indicators/beneficiary-facts.projector';
import { ReferralFactsProjector } from '../src/referral-facts/referral-facts.projector';
import { ReintegrationFactsProjector } from '../src/reintegration-facts/reintegration-facts.projector';
import { DistinctRollupRepository } from '../src/rollups/distinct-rollup.repository';
import { PEOPLE_TRAINED, ROLLUPS } from '../src/rollups/rollup-definitions';
import { RollupRepository } from '../src/rollups/rollup.repository';
import { TrainingFactsProjector } from '../src/training-facts/training-facts.projector';
import { randomHistories } from './support/random-history';
import { startReporting } from './support/start-reporting';

interface Projector {
  apply(em: EntityManager, events: ReadonlyArray<EventEnvelope>, tables: TableNames): Promise<void>;
}

// The projectors fold a batch in memory before writing it: a batch holding several events of the
// same fact, in any order and with replays, must leave the rows their one-by-one application does.
describe('batched projection (e2e)', () => {
  let sut: TestService;
  let dataSource: DataSource;
  const seed = Number(process.env.BATCH_TEST_SEED ?? Date.now() % 100_000);
  const random = mulberry32(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const ALL_TABLES: readonly FactTable[] = [
    ...FACT_TABLES,
    ...PENDING_ROLLUP_TABLES,
    ...ROLLUP_TABLES,
  ];
  const oneByOne: TableNames = (table) => `${table}_one_by_one`;
  const batched: TableNames = (table) => `${table}_batched`;

  beforeAll(async () => {
    sut = await startReporting();
    dataSource = sut.app.get(DataSource);
  });

  afterAll(() => sut?.stop());

  beforeEach(async () => {
    for (const table of ALL_TABLES) {
      for (const copy of [oneByOne(table), batched(table)]) {
        await dataSource.query(`DROP TABLE IF EXISTS ${copy}`);
        await dataSource.query(`CREATE TABLE ${copy} (LIKE ${table} INCLUDING ALL)`);
      }
    }
  });

  it(`folds registration events of the same beneficiary, roll-up included (seed ${seed})`, async () => {
    const stories = randomHistories(seed).beneficiaryStories(80);
    await expectSameFacts(sut.app.get(BeneficiaryFactsProjector), stories, [
      'beneficiary_fact',
      'beneficiary_rollup',
    ]);
  });

  it(`folds reintegration events of the same plan, project and visit (seed ${seed})`, async () => {
    const stories = Array.from({ length: 60 }, () => projectStory());
    await expectSameFacts(sut.app.get(ReintegrationFactsProjector), stories, [
      'plan_fact',
      'project_fact',
      'disbursement_fact',
      'visit_fact',
      'survey_fact',
    ]);
  });

  it(`folds training events of the same enrolment, roll-ups included (seed ${seed})`, async () => {
    const stories = Array.from({ length: 80 }, () => enrolmentStory());
    await expectSameFacts(sut.app.get(TrainingFactsProjector), stories, [
      'enrolment_fact',
      'satisfaction_fact',
      'enrolment_rollup',
      'people_trained_rollup',
    ]);
  });

  it(`folds referral events of the same referral, roll-ups included (seed ${seed})`, async () => {
    const stories = Array.from({ length: 80 }, () => referralStory());
    await expectSameFacts(sut.app.get(ReferralFactsProjector), stories, [
      'referral_fact',
      'referral_rollup',
    ]);
  });

  /**
   * Applies the stories' events one per transaction, in story order; and again as batches of a
   * few stories each, shuffled with replays (so a batch holds several events of each key), some
   * split in two so that the second half meets rows already written; then a replay of some.
   */
  async function expectSameFacts(
    projector: Projector,
    stories: readonly EventEnvelope[][],
    tables: readonly FactTable[],
  ): Promise<void> {
    for (const event of stories.flat()) {
      await dataSource.transaction((em) => projector.apply(em, [event], oneByOne));
    }
    const batches: EventEnvelope[][] = [];
    for (let start = 0; start < stories.length;) {
      const size = 1 + Math.floor(random() * 5);
      const group = stories.slice(start, start + size).flat();
      const delivered = shuffled([...group, ...group.filter(() => random() < 0.3)]);
      const cut = random() < 0.3 ? Math.floor(random() * delivered.length) : 0;
      batches.push(delivered.slice(0, cut), delivered.slice(cut));
      start += size;
    }
    batches.push(shuffled(stories.flat().filter(() => random() < 0.2)));
    for (const batch of batches.filter((events) => events.length > 0)) {
      await dataSource.transaction((em) => projector.apply(em, batch, batched));
    }

    // Batches write other deltas than single events: the roll-ups compare once folded.
    await compactRollups(oneByOne);
    await compactRollups(batched);
    for (const table of tables) {
      const expected = await rows(oneByOne(table));
      expect(expected.length).toBeGreaterThan(0);
      expect({ table, rows: await rows(batched(table)) }).toEqual({ table, rows: expected });
    }
  }

  const compactRollups = (tables: TableNames) =>
    dataSource.transaction(async (em) => {
      for (const rollup of Object.values(ROLLUPS)) {
        await sut.app.get(RollupRepository).compact(em, tables, rollup);
      }
      await sut.app.get(DistinctRollupRepository).compact(em, tables, PEOPLE_TRAINED);
    });

  const rows = (table: string) =>
    dataSource.query<unknown[]>(`SELECT * FROM ${table} AS t ORDER BY t::text`);

  function instant(fromYear: number, years: number): string {
    const start = Date.UTC(fromYear, 0, 1);
    return new Date(start + random() * years * 365.25 * 86_400_000).toISOString();
  }

  // A plan approved at several revisions, a project whose dates may precede its creation,
  // tranches, visits scheduled, recorded and overdue, surveys.
  function projectStory(): EventEnvelope[] {
    const projectId = uuidv7();
    const ownerOrg = pick(['IOM', 'COOPI']);
    const beneficiaryId = uuidv7();
    const meta = { subject: projectId, correlationId: uuidv7() };
    const planId = uuidv7();
    const all: EventEnvelope[] = [];
    for (let revision = 1; revision <= 1 + Math.floor(random() * 3); revision++) {
      all.push(
        planApprovedV1.build(
          {
            planId,
            beneficiaryId,
            ownerOrg,
            revision,
            assistance: ['business'],
            dueOn: instant(2020, 1),
            onTime: random() < 0.5,
            approvedAt: instant(2020, 2),
          },
          meta,
        ),
      );
    }
    const project = { projectId, ownerOrg, kind: 'individual', regionCode: pick(['01', '05']) };
    all.push(
      projectCreatedV1.build(
        {
          ...project,
          sector: pick(['agriculture', 'retail']),
          programmeCode: pick(['AVRR', undefined]),
          chainCode: 'individual',
          chainVersion: '1',
          memberIds: [beneficiaryId],
          budgetTotal: '1000.00',
          inKindTotal: '0.00',
          createdAt: instant(2020, 1),
        },
        meta,
      ),
    );
    for (const milestone of ['registered', 'equipped']) {
      if (random() < 0.6) {
        all.push(
          projectMilestoneReachedV1.build(
            {
              projectId,
              ownerOrg,
              chainCode: 'individual',
              chainVersion: '1',
              milestone,
              position: 1,
              reachedOn: instant(2020, 2),
              overridden: false,
            },
            meta,
          ),
        );
      }
    }
    if (random() < 0.6) {
      all.push(projectOperatingV1.build({ ...project, operatingSince: instant(2021, 1) }, meta));
    }
    if (random() < 0.4) {
      all.push(
        projectClosedV1.build(
          { ...project, outcome: pick(['operating', 'failed']), closedAt: instant(2022, 1) },
          meta,
        ),
      );
    }
    for (let sequence = 1; sequence <= Math.floor(random() * 3); sequence++) {
      all.push(
        projectDisbursementPaidV1.build(
          {
            projectId,
            ownerOrg,
            trancheId: uuidv7(),
            sequence,
            amount: `${100 * sequence}.50`,
            payingOrg: ownerOrg,
            paidOn: instant(2020, 2),
            paidTotal: '0.00',
          },
          meta,
        ),
      );
    }
    for (let sequence = 1; sequence <= Math.floor(random() * 3); sequence++) {
      const visit = { visitId: uuidv7(), projectId, ownerOrg, sequence };
      const dueOn = instant(2021, 1);
      all.push(
        visitScheduledV1.build(
          { ...visit, monthsAfter: 3 * sequence, dueOn, scheduleVersion: '1' },
          meta,
        ),
      );
      if (random() < 0.5) {
        all.push(visitOverdueV1.build({ ...visit, dueOn, overdueAt: instant(2022, 1) }, meta));
      }
      if (random() < 0.6) {
        all.push(
          visitRecordedV1.build(
            {
              ...visit,
              monthsAfter: 3 * sequence,
              visitedOn: instant(2022, 1),
              late: false,
              activityRunning: random() < 0.7,
              monthlyIncome: '1500.00',
              jobsCreated: 1,
              jobsHeldByWomen: 0,
              supportStatus: 'none',
            },
            meta,
          ),
        );
      }
    }
    if (random() < 0.5) {
      all.push(
        surveyScoredV1.build(
          {
            responseId: uuidv7(),
            beneficiaryId,
            ownerOrg,
            wave: 'baseline',
            weightsVersion: '1',
            economic: '0.5000',
            composite: random() < 0.5 ? '0.6250' : undefined,
            answeredItems: 10,
            scoredAt: instant(2021, 1),
          },
          meta,
        ),
      );
    }
    return all;
  }

  // An enrolment created (sometimes naming nobody), maybe promoted, then completed (naming the
  // person) or withdrawn; a satisfaction answer now and then.
  function enrolmentStory(): EventEnvelope[] {
    const participant = {
      courseId: uuidv7(),
      courseKind: pick(['language', 'vocational-training']),
      programmeCode: 'FORAS',
      organisingOrg: pick(['IOM', 'ANAPEC']),
      regionCode: pick(['01', '05']),
      enrolmentId: uuidv7(),
      beneficiaryId: uuidv7(),
      category: 'returning-moroccan',
      sex: pick(['female', 'male']),
      birthYear: 1970 + Math.floor(random() * 30),
    };
    const { beneficiaryId: _, ...anonymous } = participant;
    const meta = { subject: participant.courseId, correlationId: uuidv7() };
    const all: EventEnvelope[] = [
      enrolmentCreatedV1.build(
        { ...(random() < 0.5 ? participant : anonymous), waiting: random() < 0.3 },
        meta,
      ),
    ];
    if (random() < 0.3) {
      all.push(enrolmentPromotedV1.build({ ...participant, promotedAt: instant(2020, 1) }, meta));
    }
    const ended = random();
    if (ended < 0.6) {
      all.push(
        enrolmentCompletedV1.build(
          {
            ...participant,
            outcome: pick(['completed', 'not-completed']),
            hoursAttended: '10.00',
            sessionsAttended: 5,
            sessionsHeld: 5,
          },
          { ...meta, time: new Date(instant(2020, 2)) },
        ),
      );
    } else if (ended < 0.8) {
      all.push(
        enrolmentWithdrawnV1.build(
          {
            ...participant,
            previousStatus: 'enrolled',
            reason: 'moved',
            withdrawnAt: instant(2020, 2),
          },
          meta,
        ),
      );
    }
    if (random() < 0.3) {
      all.push(
        satisfactionRecordedV1.build(
          {
            ...participant,
            responseId: uuidv7(),
            overall: 1 + Math.floor(random() * 5),
            usefulness: 4,
            wouldRecommend: true,
          },
          { ...meta, time: new Date(instant(2020, 2)) },
        ),
      );
    }
    return all;
  }

  // A referral's versions: requested, received, then accepted and completed or rejected, the
  // partner redirected on the way; escalated up to twice, each escalation carrying its version.
  function referralStory(): EventEnvelope[] {
    const referralId = uuidv7();
    const requestedAt = instant(2020, 2);
    const seconds = Math.floor(random() * 10 * 86_400);
    const facts = (status: string, version: number, extra: object = {}) => ({
      referralId,
      beneficiaryId: referralId,
      referringOrg: 'IOM',
      receivingOrg: version > 2 ? 'OFPPT' : 'ANAPEC',
      serviceId: referralId,
      serviceType: 'employment',
      priority: version > 1 ? 'high' : 'normal',
      status,
      version,
      occurredAt: requestedAt,
      requestedAt,
      outcomeReported: false,
      ...extra,
    });
    const answered = {
      secondsToAcknowledge: seconds,
      acknowledgedWithinDeadline: seconds < 86_400 * 3,
      secondsToAnswer: seconds,
      answeredWithinDeadline: seconds < 86_400 * 5,
    };
    const meta = { subject: referralId, correlationId: uuidv7() };
    const all: EventEnvelope[] = [
      referralRequestedV1.build(
        { ...facts('requested', 1), consentOverridden: false, dataCategories: [] },
        meta,
      ),
      referralReceivedV1.build(facts('received', 2), meta),
    ];
    const answer = random();
    if (answer < 0.5) {
      all.push(referralAcceptedV1.build(facts('accepted', 3, answered), meta));
      if (random() < 0.6) {
        all.push(
          referralCompletedV1.build(
            {
              ...facts('completed', 4, { ...answered, outcomeReported: random() < 0.7 }),
              outcome: 'service-provided',
            },
            meta,
          ),
        );
      }
    } else if (answer < 0.8) {
      all.push(
        referralRejectedV1.build(
          { ...facts('rejected', 3, answered), rejectionReason: 'ineligible' },
          meta,
        ),
      );
    }
    for (const [deadline, version] of [
      ['acknowledgement', 1],
      ['answer', 2],
    ] as const) {
      if (random() < 0.4) {
        all.push(
          referralOverdueV1.build(
            {
              ...facts(version === 1 ? 'requested' : 'received', version, {
                occurredAt: instant(2020, 2),
              }),
              deadline,
              dueAt: requestedAt,
            },
            meta,
          ),
        );
      }
    }
    return all;
  }

  function shuffled<T>(values: readonly T[]): T[] {
    const copy = [...values];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
});

// A small seeded generator, so that a failure can be replayed with BATCH_TEST_SEED.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
