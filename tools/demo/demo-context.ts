import type { Actor, PlatformClient } from './demo-client';
import type { DemoPerson } from './demo-people';
import type { DemoRandom } from './demo-random';

/** What every phase of the demonstration shares. */
export interface DemoContext {
  readonly client: PlatformClient;
  readonly random: DemoRandom;
  readonly programmeCode: string;
  readonly year: number;
  /** Today, `YYYY-MM-DD`: nothing is dated after it. */
  readonly today: string;
  readonly log: (line: string) => void;
}

/** A registered person: the story's facts and the id registration gave them. */
export interface RegisteredPerson extends DemoPerson {
  readonly id: string;
}

/** The implementing institution and its staff, plus the national coordinator. */
export const ORG = 'IOM';
export const ACTORS = {
  caseWorker: { org: ORG, roles: ['case-worker'], sub: 'demo-case-worker' },
  trainer: { org: ORG, roles: ['trainer'], sub: 'demo-trainer' },
  projectOfficer: { org: ORG, roles: ['project-officer'], sub: 'demo-project-officer' },
  referralOfficer: { org: ORG, roles: ['referral-officer'], sub: 'demo-referral-officer' },
  coordinator: { org: 'MINISTRY', roles: ['coordinator'], sub: 'demo-coordinator' },
} as const satisfies Record<string, Actor>;

/** A referral officer of a partner institution. */
export function partnerOfficer(code: string): Actor {
  return { org: code, roles: ['referral-officer'], sub: `demo-${code.toLowerCase()}` };
}

/** `"<version>"` for If-Match from a body that carries its version. */
export function versionOf(body: { version?: number }): string {
  return `"${body.version ?? 1}"`;
}
