import {
  beneficiaryClosedV1,
  beneficiaryErasedV1,
  beneficiaryMergedV1,
  beneficiaryUpdatedV1,
  beneficiaryRegisteredV1,
  enrolmentCompletedV1,
  enrolmentCreatedV1,
  enrolmentWithdrawnV1,
  referralAcceptedV1,
  referralCompletedV1,
  referralOverdueV1,
  referralRejectedV1,
  referralRequestedV1,
  uuidv7,
  type EventEnvelope,
} from '@mrm/contracts';
import { aRegisteredEvent } from '@mrm/testing';

export const ORGS = ['IOM', 'ANAPEC', 'COOPI'];
export const REGIONS = ['01', '05', '06'];
const PROGRAMMES = ['FORAS', 'AVRR', undefined];

/**
 * Seeded random histories of registrations, enrolments and referrals (a failure can be replayed
 * with the same seed): every event kind the roll-ups count, in an order of their own.
 */
export function randomHistories(seed: number) {
  const random = mulberry32(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];

  function instant(fromYear: number, years: number): string {
    const start = Date.UTC(fromYear, 0, 1);
    return new Date(start + random() * years * 365.25 * 86_400_000).toISOString();
  }

  function dimensions(beneficiaryId: string) {
    return {
      beneficiaryId,
      ownerOrg: pick(ORGS),
      category: pick(['returning-moroccan', 'foreign-avrr', 'regularised-immigrant']),
      sex: pick(['female', 'male']),
      birthYear: 1955 + Math.floor(random() * 55),
      nationality: pick(['MA', 'SN', 'CI']),
      regionCode: pick(REGIONS),
      programmeCode: pick(PROGRAMMES),
    };
  }

  // Registrations, closures (some before the registration time), reopenings with new dimensions,
  // merges and erasures, in an order of their own.
  function history(people: number): EventEnvelope[] {
    const ids = Array.from({ length: people }, () => uuidv7());
    const all: EventEnvelope[] = [];
    const meta = (subject: string) => ({ subject, correlationId: uuidv7() });
    for (const beneficiaryId of ids) {
      all.push(aRegisteredEvent({ ...dimensions(beneficiaryId), registeredAt: instant(2019, 3) }));
      if (random() < 0.4) {
        all.push(
          beneficiaryClosedV1.build(
            { beneficiaryId, reason: 'other', closedAt: instant(2019, 4), version: 2 },
            meta(beneficiaryId),
          ),
        );
      }
      if (random() < 0.15) {
        all.push(
          beneficiaryUpdatedV1.build(
            {
              ...dimensions(beneficiaryId),
              status: pick(['active', 'closed']),
              version: 3,
              updatedAt: instant(2021, 1),
            },
            meta(beneficiaryId),
          ),
        );
      }
      if (random() < 0.05) {
        all.push(
          beneficiaryMergedV1.build(
            {
              beneficiaryId: pick(ids),
              mergedBeneficiaryId: beneficiaryId,
              mergedAt: instant(2021, 1),
            },
            meta(beneficiaryId),
          ),
        );
      }
      if (random() < 0.03) {
        all.push(
          beneficiaryErasedV1.build(
            { beneficiaryId, erasedAt: instant(2022, 1) },
            meta(beneficiaryId),
          ),
        );
      }
      // Up to three courses each, so that people trained counts people, not enrolments.
      const courses = Math.floor(random() * 4);
      for (let course = 0; course < courses; course++) all.push(...enrolment(beneficiaryId));
      if (random() < 0.5) all.push(...referral(beneficiaryId));
    }
    return shuffled(all);
  }

  // The registration events of a history, one story per fact row: a merge changes the
  // duplicate's row, every other event its beneficiary's.
  function beneficiaryStories(people: number): EventEnvelope[][] {
    const registration = new Set<string>([
      beneficiaryRegisteredV1.type,
      beneficiaryUpdatedV1.type,
      beneficiaryClosedV1.type,
      beneficiaryMergedV1.type,
      beneficiaryErasedV1.type,
    ]);
    const stories = new Map<string, EventEnvelope[]>();
    for (const event of history(people).filter(({ type }) => registration.has(type))) {
      const { beneficiaryId, mergedBeneficiaryId } = event.data as Record<string, string>;
      const row = mergedBeneficiaryId ?? beneficiaryId;
      stories.set(row, [...(stories.get(row) ?? []), event]);
    }
    return [...stories.values()];
  }

  function enrolment(beneficiaryId: string): EventEnvelope[] {
    const person = dimensions(beneficiaryId);
    const participant = {
      courseId: uuidv7(),
      courseKind: pick(['language', 'vocational-training']),
      programmeCode: pick(['FORAS', 'AVRR']),
      organisingOrg: pick(ORGS),
      regionCode: pick(REGIONS),
      enrolmentId: uuidv7(),
      beneficiaryId,
      category: person.category,
      sex: person.sex,
      birthYear: person.birthYear,
    };
    const meta = { subject: participant.courseId, correlationId: uuidv7() };
    const ended = random();
    // Some enrolments name nobody, some name the person only once they end.
    const named = random();
    const { beneficiaryId: _, ...anonymous } = participant;
    return [
      enrolmentCreatedV1.build(
        { ...(named < 0.7 ? participant : anonymous), waiting: false },
        meta,
      ),
      ...(ended < 0.6
        ? [
            enrolmentCompletedV1.build(
              {
                ...(named < 0.9 ? participant : anonymous),
                outcome: pick(['completed', 'not-completed']),
                hoursAttended: '10.00',
                sessionsAttended: 5,
                sessionsHeld: 5,
              },
              { ...meta, time: new Date(instant(2019, 3)) },
            ),
          ]
        : ended < 0.8
          ? [
              enrolmentWithdrawnV1.build(
                {
                  ...participant,
                  previousStatus: 'enrolled',
                  reason: 'moved',
                  withdrawnAt: instant(2019, 3),
                },
                meta,
              ),
            ]
          : []),
    ];
  }

  // A referral's life, some steps missing: requested, answered (accepted or rejected), completed
  // with or without an outcome, escalated.
  function referral(beneficiaryId: string): EventEnvelope[] {
    const referralId = uuidv7();
    const requestedAt = instant(2019, 3);
    const seconds = Math.floor(random() * 10 * 86_400);
    const facts = (status: string, version: number, extra: object = {}) => ({
      referralId,
      beneficiaryId,
      referringOrg: pick(ORGS),
      receivingOrg: pick(['ANAPEC', 'OFPPT']),
      serviceId: referralId,
      serviceType: pick(['employment', 'legal-aid']),
      priority: 'normal',
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
    ];
    const answer = random();
    if (answer < 0.4) {
      all.push(referralAcceptedV1.build(facts('accepted', 2, answered), meta));
      if (random() < 0.5) {
        all.push(
          referralCompletedV1.build(
            {
              ...facts('completed', 3, { ...answered, outcomeReported: random() < 0.7 }),
              outcome: 'service-provided',
            },
            meta,
          ),
        );
      }
    } else if (answer < 0.7) {
      all.push(
        referralRejectedV1.build(
          { ...facts('rejected', 2, answered), rejectionReason: 'ineligible' },
          meta,
        ),
      );
    }
    if (random() < 0.2) {
      all.push(
        referralOverdueV1.build(
          {
            ...facts('requested', 1, { occurredAt: instant(2019, 3) }),
            deadline: 'acknowledgement',
            dueAt: requestedAt,
          },
          meta,
        ),
      );
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

  return { random, pick, shuffled, history, beneficiaryStories };
}

// A small seeded generator, so that a failure can be replayed with ROLLUP_TEST_SEED.
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
