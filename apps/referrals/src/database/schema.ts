import { RosterBeneficiaryEntity } from '@mrm/roster';
import { CreateRosterBeneficiary1795453200000 } from './migrations/1795453200000-CreateRosterBeneficiary';

/** Referrals' entities and migrations: app, migrate entrypoint and CLI. */
export const REFERRALS_ENTITIES = [RosterBeneficiaryEntity];
export const REFERRALS_MIGRATIONS = [CreateRosterBeneficiary1795453200000];
