import type { FiveServices } from '../five-services.platform';
import { runTraining } from './scenario-training';
import { registerPeople } from './scenario-people';
import { runReferrals } from './scenario-referrals';
import { runReintegration } from './scenario-reintegration';

/**
 * The scripted year of issue 16's proof, driven through the services' HTTP APIs only (and their
 * clocks where time must pass). People are numbered 0..39; what each number goes through is
 * stated once in the scenario-* files, and the hand figures of the indicator test come from there.
 */

/** Plays the whole scenario; returns the beneficiary ids by person number. */
export async function playScenario(platform: FiveServices): Promise<string[]> {
  const ids = await registerPeople(platform.registration);
  await runTraining(platform.training, ids);
  await runReintegration(platform, ids);
  await runReferrals(platform, ids);
  return ids;
}
