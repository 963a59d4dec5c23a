import {
  REFERRAL_PRIORITIES,
  SERVICE_TYPES,
  type DeadlineKind,
  type ReferralPriority,
} from '@mrm/contracts';

type Windows = Record<DeadlineKind, number>;
type ByPriority = Record<ReferralPriority, Windows>;

const HOUR_MS = 3_600_000;

/**
 * Default windows in hours from the request. The answer follows DOMAIN.md (24 h, 72 h, 2 weeks);
 * the acknowledgement comes first, so a silent receiver is chased before the answer is late.
 */
export const DEFAULT_DEADLINE_HOURS: ByPriority = {
  emergency: { acknowledgement: 4, answer: 24 },
  urgent: { acknowledgement: 24, answer: 72 },
  normal: { acknowledgement: 72, answer: 336 },
};

/** The deadlines per service type and priority (`REFERRALS_DEADLINES` overrides the defaults). */
export class DeadlinePolicy {
  private constructor(private readonly overrides: Partial<Record<string, Partial<ByPriority>>>) {}

  /**
   * Reads `{"<service type>": {"<priority>": {"acknowledgement": h, "answer": h}}}`; refuses at
   * start-up anything else, so a typo cannot silently keep the defaults.
   */
  static fromJson(json: string | undefined): DeadlinePolicy {
    if (json === undefined || json.trim() === '') return new DeadlinePolicy({});
    const parsed: unknown = JSON.parse(json);
    const fail = (why: string) => new Error(`REFERRALS_DEADLINES: ${why}`);
    if (!isObject(parsed)) throw fail('must be a JSON object');
    for (const [type, byPriority] of Object.entries(parsed)) {
      if (!(SERVICE_TYPES as readonly string[]).includes(type)) throw fail(`unknown type ${type}`);
      if (!isObject(byPriority)) throw fail(`${type} must be an object`);
      for (const [priority, windows] of Object.entries(byPriority)) {
        if (!(REFERRAL_PRIORITIES as readonly string[]).includes(priority)) {
          throw fail(`unknown priority ${priority}`);
        }
        if (!isObject(windows) || !Object.entries(windows).every(isWindow)) {
          throw fail(`${type}.${priority} needs acknowledgement and/or answer in hours (1..8760)`);
        }
      }
    }
    return new DeadlinePolicy(parsed as Partial<Record<string, Partial<ByPriority>>>);
  }

  dueDates(input: { serviceType: string; priority: ReferralPriority; requestedAt: Date }): {
    acknowledgementDueAt: Date;
    answerDueAt: Date;
  } {
    const windows = {
      ...DEFAULT_DEADLINE_HOURS[input.priority],
      ...this.overrides[input.serviceType]?.[input.priority],
    };
    const at = (hours: number) => new Date(input.requestedAt.getTime() + hours * HOUR_MS);
    return { acknowledgementDueAt: at(windows.acknowledgement), answerDueAt: at(windows.answer) };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWindow([kind, hours]: [string, unknown]): boolean {
  return (
    (kind === 'acknowledgement' || kind === 'answer') &&
    Number.isInteger(hours) &&
    (hours as number) >= 1 &&
    (hours as number) <= 8760
  );
}
