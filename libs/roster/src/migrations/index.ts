import { CreateRosterBeneficiary1795452900000 } from './1795452900000-CreateRosterBeneficiary';
import { AddLanguagesToRosterBeneficiary1796520000000 } from './1796520000000-AddLanguagesToRosterBeneficiary';

/**
 * The migrations of `roster_beneficiary`, in order. A service that keeps a roster spreads them into
 * its own migration list, so each database records them in its own `schema_migration`.
 */
export const ROSTER_MIGRATIONS = [
  CreateRosterBeneficiary1795452900000,
  AddLanguagesToRosterBeneficiary1796520000000,
];
