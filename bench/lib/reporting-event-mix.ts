import {
  BENEFICIARY_CATEGORIES,
  beneficiaryClosedV1,
  beneficiaryRegisteredV1,
  beneficiaryUpdatedV1,
  COURSE_KINDS,
  enrolmentCompletedV1,
  enrolmentCreatedV1,
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
  referralStartedV1,
  REGION_CODES,
  satisfactionRecordedV1,
  SERVICE_TYPES,
  SEXES,
  surveyScoredV1,
  uuidv7,
  visitOverdueV1,
  visitRecordedV1,
  visitScheduledV1,
  type CourseDimensions,
  type EventDefinition,
  type ReferralFactsV1,
} from '@mrm/contracts';
import { seededRandom } from './http-load';
import { StoryQueue, type MixEvent, type Story } from './story-queue';

export type { MixEvent } from './story-queue';

/*
 * The life of one registered person, as the four producing services would tell it. The rates are
 * per person and chosen so that enrolments (0.5) and referrals (0.25) per person match stage 10's
 * seeded facts; bench/README.md (stage 11) gives the resulting share of every event type.
 */
const UPDATED_SHARE = 0.4;
const CLOSED_SHARE = 0.25;
/** Enrolments per person: 0, 1 or 2 with these probabilities (mean 0.5). */
const ENROLMENTS_PER_PERSON = [0.6, 0.3, 0.1];
const WITHDRAWN_SHARE = 0.1;
const NOT_COMPLETED_SHARE = 0.2;
const SATISFACTION_SHARE = 0.6;
/** Referrals per person: 0, 1 or 2 (mean 0.25). */
const REFERRALS_PER_PERSON = [0.8, 0.15, 0.05];
const LATE_ACKNOWLEDGEMENT_SHARE = 0.1;
const REJECTED_SHARE = 0.2;
const STARTED_SHARE = 0.93;
const COMPLETED_SHARE = 0.93;
/** Returning Moroccans (a fifth of people) with a reintegration plan: 8 % of everyone. */
const PLAN_SHARE_OF_RETURNEES = 0.4;
const OPERATING_SHARE = 0.9;
const VISIT_MISSED_SHARE = 0.15;
const PROJECT_CLOSED_SHARE = 0.6;
/**
 * Events published per person registered so far, once the stories have run for years: 5.1 over a
 * whole life from the rates above, but the last years' people have events still to come (4.6
 * counted at 200,000 events). It spaces the registrations so that the last events are today's.
 */
const EVENTS_PER_PERSON_SO_FAR = 4.6;

const DAY = 24 * 3600 * 1000;
const YEARS_OF_HISTORY = 10;
const INSTITUTIONS = ['IOM', 'ENTRAIDE-NAT', 'ANAPEC', 'COOPI', 'AMAPPE'];
const RECEIVING_INSTITUTIONS = ['ANAPEC', 'OFPPT', 'FMPS', 'AMAPPE', 'CARITAS', 'AMSED'];
const NATIONALITIES = ['MA', 'SN', 'CI', 'GN', 'ML', 'CM', 'NG', 'SY'];
const PROGRAMMES = ['FORAS', 'MOTUSE', 'AVRR', 'THAMM'];
const SECTORS = ['handicraft', 'agriculture', 'commerce', 'services', 'livestock'];
const REJECTION_REASONS = ['ineligible', 'no-capacity', 'declined-by-beneficiary'];
const PROJECT_OUTCOMES = ['sustainable', 'struggling', 'dormant', 'dissolved'];

interface Person {
  readonly beneficiaryId: string;
  readonly ownerOrg: string;
  readonly category: string;
  readonly sex: string;
  readonly birthYear: number;
  readonly nationality: string;
  readonly regionCode: string;
  readonly programmeCode: string;
  readonly registeredAt: number;
}

const iso = (at: number) => new Date(at).toISOString();
const isoDate = (at: number) => iso(at).slice(0, 10);
const score = (value: number) => value.toFixed(4);

/**
 * The events of `total` events' worth of people registered at a steady rate over ten years, in
 * time order across all four streams (so each stream holds them in the order its producer would
 * have published them). Only the next event of each open story is held in memory.
 */
export class ReportingEventMix {
  private readonly random: () => number;
  private readonly queue = new StoryQueue();
  private readonly courses: CourseDimensions[];
  /** One service id per receiving institution and service type, as in the partner directory. */
  private readonly serviceIds = new Map(
    RECEIVING_INSTITUTIONS.flatMap((org) =>
      SERVICE_TYPES.map((type) => [`${org}/${type}`, uuidv7()]),
    ),
  );

  constructor(
    private readonly total: number,
    seed = 2026,
  ) {
    this.random = seededRandom(seed);
    // About fifteen enrolments per course over the ten years.
    const courseCount = Math.max(1, Math.round((total / EVENTS_PER_PERSON_SO_FAR) * (0.5 / 15)));
    this.courses = Array.from({ length: courseCount }, () => ({
      courseId: uuidv7(),
      courseKind: this.pick(COURSE_KINDS),
      programmeCode: this.pick(PROGRAMMES),
      organisingOrg: this.pick(INSTITUTIONS),
      regionCode: this.pick(REGION_CODES),
    }));
  }

  *events(): Generator<MixEvent, void> {
    const people = this.total / EVENTS_PER_PERSON_SO_FAR;
    const start = Date.now() - YEARS_OF_HISTORY * 365 * DAY;
    const step = (YEARS_OF_HISTORY * 365 * DAY) / people;
    let nextRegistration = start;
    for (let emitted = 0; emitted < this.total; emitted += 1) {
      while (this.queue.size === 0 || nextRegistration <= this.queue.peekTime()) {
        this.startPerson(nextRegistration);
        nextRegistration += step;
      }
      const { event, story } = this.queue.pop();
      yield event;
      const next = story.next();
      if (!next.done) this.queue.push(next.value, story);
    }
  }

  private startPerson(registeredAt: number): void {
    const person: Person = {
      beneficiaryId: uuidv7(),
      ownerOrg: this.pick(INSTITUTIONS),
      category: this.pick(BENEFICIARY_CATEGORIES),
      sex: this.pick(SEXES),
      birthYear: 1950 + Math.floor(this.random() * 58),
      nationality: this.pick(NATIONALITIES),
      regionCode: this.pick(REGION_CODES),
      programmeCode: this.pick(PROGRAMMES),
      registeredAt: Math.floor(registeredAt),
    };
    this.open(this.registration(person));
    for (let n = this.draw(ENROLMENTS_PER_PERSON); n > 0; n -= 1) {
      this.open(this.enrolment(person, person.registeredAt + this.days(10, 900)));
    }
    for (let n = this.draw(REFERRALS_PER_PERSON); n > 0; n -= 1) {
      this.open(this.referral(person, person.registeredAt + this.days(5, 900)));
    }
    if (person.category === 'returning-moroccan' && this.random() < PLAN_SHARE_OF_RETURNEES) {
      this.open(this.reintegration(person, person.registeredAt + this.days(30, 400)));
    }
  }

  private open(story: Story): void {
    const first = story.next();
    if (!first.done) this.queue.push(first.value, story);
  }

  private *registration(person: Person): Story {
    const { registeredAt, ...dimensions } = person;
    let version = 1;
    yield this.event(beneficiaryRegisteredV1, person.beneficiaryId, registeredAt, {
      ...dimensions,
      reference: `MA-${new Date(registeredAt).getUTCFullYear()}-${person.beneficiaryId.slice(-6)}`,
      status: 'registered',
      version,
      registeredAt: iso(registeredAt),
    });
    let at = registeredAt;
    if (this.random() < UPDATED_SHARE) {
      at += this.days(30, 700);
      version += 1;
      yield this.event(beneficiaryUpdatedV1, person.beneficiaryId, at, {
        ...dimensions,
        regionCode: this.pick(REGION_CODES),
        status: 'active',
        version,
        updatedAt: iso(at),
      });
    }
    if (this.random() < CLOSED_SHARE) {
      at += this.days(60, 1500);
      version += 1;
      yield this.event(beneficiaryClosedV1, person.beneficiaryId, at, {
        beneficiaryId: person.beneficiaryId,
        reason: 'case-completed',
        closedAt: iso(at),
        version,
      });
    }
  }

  private *enrolment(person: Person, enrolledAt: number): Story {
    const enrolmentId = uuidv7();
    const course = this.pick(this.courses);
    const participant = {
      ...course,
      enrolmentId,
      beneficiaryId: person.beneficiaryId,
      category: person.category,
      sex: person.sex,
      birthYear: person.birthYear,
    };
    yield this.event(enrolmentCreatedV1, enrolmentId, enrolledAt, {
      ...participant,
      waiting: false,
    });
    if (this.random() < WITHDRAWN_SHARE) {
      const at = enrolledAt + this.days(1, 30);
      yield this.event(enrolmentWithdrawnV1, enrolmentId, at, {
        ...participant,
        previousStatus: 'enrolled',
        reason: 'moved to another region',
        withdrawnAt: iso(at),
      });
      return;
    }
    const endedAt = enrolledAt + this.days(20, 90);
    const completed = this.random() >= NOT_COMPLETED_SHARE;
    yield this.event(enrolmentCompletedV1, enrolmentId, endedAt, {
      ...participant,
      outcome: completed ? 'completed' : 'not-completed',
      ...(completed ? {} : { reason: 'attendance-below-minimum' }),
      hoursAttended: completed ? '24.00' : '9.50',
      sessionsAttended: completed ? 9 : 4,
      sessionsHeld: 10,
    });
    if (this.random() < SATISFACTION_SHARE) {
      const responseId = uuidv7();
      yield this.event(satisfactionRecordedV1, responseId, endedAt + this.days(0, 7), {
        ...course,
        responseId,
        beneficiaryId: person.beneficiaryId,
        overall: 1 + Math.floor(this.random() * 5),
        usefulness: 1 + Math.floor(this.random() * 5),
        wouldRecommend: this.random() < 0.8,
      });
    }
  }

  private *referral(person: Person, requestedAt: number): Story {
    const receivingOrg = this.pick(RECEIVING_INSTITUTIONS);
    const serviceType = this.pick(SERVICE_TYPES);
    let facts: ReferralFactsV1 = {
      referralId: uuidv7(),
      beneficiaryId: person.beneficiaryId,
      referringOrg: person.ownerOrg,
      receivingOrg,
      serviceId: this.serviceIds.get(`${receivingOrg}/${serviceType}`)!,
      serviceType,
      priority: this.random() < 0.1 ? 'urgent' : 'normal',
      status: 'requested',
      version: 1,
      occurredAt: iso(requestedAt),
      requestedAt: iso(requestedAt),
      outcomeReported: false,
    };
    const id = facts.referralId;
    const change = (at: number, update: Partial<ReferralFactsV1>): ReferralFactsV1 =>
      (facts = { ...facts, ...update, version: facts.version + 1, occurredAt: iso(at) });
    yield this.event(referralRequestedV1, id, requestedAt, {
      ...facts,
      consentId: uuidv7(),
      consentOverridden: false,
      dataCategories: ['identity', 'contact'],
    });
    const acknowledgeBy = requestedAt + 2 * DAY;
    let receivedAt = requestedAt + this.days(0.02, 1.9);
    if (this.random() < LATE_ACKNOWLEDGEMENT_SHARE) {
      const overdueAt = acknowledgeBy + 60_000;
      yield this.event(referralOverdueV1, id, overdueAt, {
        ...change(overdueAt, {}),
        deadline: 'acknowledgement',
        dueAt: iso(acknowledgeBy),
      });
      receivedAt = overdueAt + this.days(0.5, 4);
    }
    const seconds = (at: number) => Math.round((at - requestedAt) / 1000);
    yield this.event(
      referralReceivedV1,
      id,
      receivedAt,
      change(receivedAt, {
        status: 'received',
        secondsToAcknowledge: seconds(receivedAt),
        acknowledgedWithinDeadline: receivedAt <= acknowledgeBy,
      }),
    );
    const answeredAt = receivedAt + this.days(0.5, 8);
    const answer = {
      secondsToAnswer: seconds(answeredAt),
      answeredWithinDeadline: answeredAt <= requestedAt + 7 * DAY,
    };
    if (this.random() < REJECTED_SHARE) {
      yield this.event(referralRejectedV1, id, answeredAt, {
        ...change(answeredAt, { status: 'rejected', ...answer }),
        rejectionReason: this.pick(REJECTION_REASONS),
      });
      return;
    }
    yield this.event(
      referralAcceptedV1,
      id,
      answeredAt,
      change(answeredAt, { status: 'accepted', ...answer }),
    );
    if (this.random() >= STARTED_SHARE) return;
    const startedAt = answeredAt + this.days(1, 14);
    yield this.event(
      referralStartedV1,
      id,
      startedAt,
      change(startedAt, { status: 'in-progress' }),
    );
    if (this.random() >= COMPLETED_SHARE) return;
    const completedAt = startedAt + this.days(10, 120);
    yield this.event(referralCompletedV1, id, completedAt, {
      ...change(completedAt, { status: 'completed', outcomeReported: true }),
      outcome: this.random() < 0.8 ? 'service-provided' : 'partially-provided',
    });
  }

  private *reintegration(person: Person, approvedAt: number): Story {
    const planId = uuidv7();
    const ownerOrg = person.ownerOrg;
    yield this.event(planApprovedV1, planId, approvedAt, {
      planId,
      beneficiaryId: person.beneficiaryId,
      ownerOrg,
      revision: 1,
      assistance: ['individual-grant', 'business-training'],
      dueOn: isoDate(approvedAt + this.days(-10, 20)),
      onTime: this.random() < 0.85,
      approvedAt: iso(approvedAt),
    });
    yield this.survey(person, 'baseline', approvedAt + this.days(0, 10));

    const projectId = uuidv7();
    const createdAt = approvedAt + this.days(10, 60);
    const kindDraw = this.random();
    const kind = kindDraw < 0.8 ? 'individual' : kindDraw < 0.95 ? 'collective' : 'community';
    const chainCode = kind === 'individual' ? 'individual-activity' : 'cooperative-112-12';
    const project = { projectId, ownerOrg, kind, regionCode: person.regionCode };
    yield this.event(projectCreatedV1, projectId, createdAt, {
      ...project,
      sector: this.pick(SECTORS),
      programmeCode: person.programmeCode,
      chainCode,
      chainVersion: '1',
      memberIds: [person.beneficiaryId],
      budgetTotal: '15000.00',
      inKindTotal: '2500.00',
      createdAt: iso(createdAt),
    });
    let at = createdAt;
    if (kind !== 'individual') {
      at += this.days(30, 90);
      yield this.event(projectMilestoneReachedV1, projectId, at, {
        projectId,
        ownerOrg,
        chainCode,
        chainVersion: '1',
        milestone: 'registered',
        position: 2,
        reachedOn: isoDate(at),
        overridden: false,
      });
    }
    let tranche = 0;
    const disbursement = (paidAt: number) => {
      tranche += 1;
      const trancheId = uuidv7();
      return this.event(projectDisbursementPaidV1, trancheId, paidAt, {
        projectId,
        ownerOrg,
        trancheId,
        sequence: tranche,
        amount: '7500.00',
        payingOrg: 'IOM',
        paidOn: isoDate(paidAt),
        paidTotal: `${7500 * tranche}.00`,
      });
    };
    yield disbursement(at + this.days(5, 20));
    if (this.random() >= OPERATING_SHARE) return;
    const operatingSince = at + this.days(30, 120);
    yield this.event(projectOperatingV1, projectId, operatingSince, {
      ...project,
      operatingSince: isoDate(operatingSince),
    });
    const visits = [3, 6, 12].map((monthsAfter, index) => ({
      visitId: uuidv7(),
      projectId,
      ownerOrg,
      sequence: index + 1,
      monthsAfter,
      dueAt: operatingSince + monthsAfter * 30 * DAY,
    }));
    for (const { dueAt, ...visit } of visits) {
      yield this.event(visitScheduledV1, visit.visitId, operatingSince, {
        ...visit,
        dueOn: isoDate(dueAt),
        scheduleVersion: '1',
      });
    }
    yield disbursement(operatingSince + 30 * DAY);
    for (const { dueAt, monthsAfter, ...visit } of visits) {
      if (this.random() < VISIT_MISSED_SHARE) {
        const overdueAt = dueAt + DAY;
        yield this.event(visitOverdueV1, visit.visitId, overdueAt, {
          ...visit,
          dueOn: isoDate(dueAt),
          overdueAt: iso(overdueAt),
        });
        continue;
      }
      const visitedAt = dueAt + this.days(-10, 0);
      yield this.event(visitRecordedV1, visit.visitId, visitedAt, {
        ...visit,
        monthsAfter,
        visitedOn: isoDate(visitedAt),
        late: false,
        activityRunning: this.random() < 0.85,
        monthlyIncome: `${1500 + Math.floor(this.random() * 4000)}.00`,
        jobsCreated: 1 + Math.floor(this.random() * 3),
        jobsHeldByWomen: Math.floor(this.random() * 2),
        supportStatus: 'ongoing',
      });
    }
    const endline = visits[2].dueAt + this.days(1, 20);
    yield this.survey(person, 'endline', endline);
    if (this.random() < PROJECT_CLOSED_SHARE) {
      const closedAt = endline + this.days(30, 180);
      yield this.event(projectClosedV1, projectId, closedAt, {
        ...project,
        outcome: this.pick(PROJECT_OUTCOMES),
        closedAt: iso(closedAt),
      });
    }
  }

  private survey(person: Person, wave: string, at: number): MixEvent {
    const responseId = uuidv7();
    const dimensions = [this.random(), this.random(), this.random()];
    return this.event(surveyScoredV1, responseId, at, {
      responseId,
      beneficiaryId: person.beneficiaryId,
      ownerOrg: person.ownerOrg,
      wave,
      weightsVersion: '2024-1',
      economic: score(dimensions[0]),
      social: score(dimensions[1]),
      psychosocial: score(dimensions[2]),
      composite: score((dimensions[0] + dimensions[1] + dimensions[2]) / 3),
      answeredItems: 32,
      scoredAt: iso(at),
    });
  }

  private event<T>(definition: EventDefinition<T>, subject: string, at: number, data: T): MixEvent {
    return { definition, data, subject, at };
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)];
  }

  private days(min: number, max: number): number {
    return Math.floor((min + this.random() * (max - min)) * DAY);
  }

  /** An index drawn with the given probabilities. */
  private draw(probabilities: readonly number[]): number {
    let left = this.random();
    for (let index = 0; index < probabilities.length; index += 1) {
      left -= probabilities[index];
      if (left < 0) return index;
    }
    return probabilities.length - 1;
  }
}
