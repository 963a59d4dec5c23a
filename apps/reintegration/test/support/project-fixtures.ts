import type { TestService } from '@mrm/testing';
import { officer, rosterPeople } from './reintegration-test';

/** A body for POST /api/v1/projects: a cooperative of the given roster members. */
export function aCooperative(memberIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    kind: 'collective',
    title: 'Coopérative Tifaouine',
    sector: 'handicraft',
    regionCode: '05',
    commune: 'Khénifra',
    programmeCode: 'MOTUSE',
    members: memberIds.map((beneficiaryId, index) => ({
      beneficiaryId,
      role: index === 0 ? 'president' : 'member',
    })),
    budgetLines: [{ kind: 'cash', label: 'Looms', amount: '12000.00' }],
    ...overrides,
  };
}

/** Creates a cooperative of five new roster people; returns the project as the API shows it. */
export async function createCooperative(
  sut: TestService,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  const members = await rosterPeople(sut, 5);
  const response = await sut.http
    .post('/api/v1/projects')
    .set('Authorization', officer)
    .send(aCooperative(members, overrides))
    .expect(201);
  return response.body;
}

/** The law 112-12 chain with what each step needs, in order. */
export const COOPERATIVE_STEPS: Array<{ milestone: string; amount?: string }> = [
  { milestone: 'name-approved' },
  { milestone: 'statutes-signed' },
  { milestone: 'bank-account-opened', amount: '1000.00' },
  { milestone: 'filed-at-local-register' },
  { milestone: 'registered' },
  { milestone: 'tax-id-obtained' },
  { milestone: 'grant-disbursed' },
  { milestone: 'operating' },
];

/** Reaches one milestone; the caller asserts the status. */
export function reach(
  sut: TestService,
  projectId: string,
  body: { milestone: string; amount?: string; overrideReason?: string; reachedOn?: string },
) {
  return sut.http
    .post(`/api/v1/projects/${projectId}/milestones`)
    .set('Authorization', officer)
    .send({ reachedOn: '2027-03-01', evidenceRef: `REF-${body.milestone}`, ...body });
}
