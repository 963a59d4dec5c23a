import { bearer, waitFor, type TestService } from '@mrm/testing';

/** Who acts in the scenario: one institution (IOM) and the ministry's coordinator and analyst. */
export const caseWorker = bearer('IOM', ['case-worker'], 'cw-1');
export const coordinator = bearer('MINISTRY', ['coordinator'], 'coordinator-1');
export const analyst = bearer('MINISTRY', ['analyst'], 'analyst-1');
export const trainer = bearer('IOM', ['trainer'], 'trainer-1');
export const projectOfficer = bearer('IOM', ['project-officer'], 'po-1');
export const referralOfficer = bearer('IOM', ['referral-officer'], 'ro-1');

export const DAY = 86_400_000;

/** A calendar date `days` after `date` (both YYYY-MM-DD). */
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Waits until every one of `ids` is on the service's roster (fed by registration's events). */
export async function onRoster(service: TestService, token: string, ids: string[]): Promise<void> {
  for (const id of ids) {
    await waitFor(
      async () =>
        (await service.http.get(`/api/v1/roster/${id}`).set('authorization', token)).status === 200,
      { what: `${id} on the roster` },
    );
  }
}
