import { ROSTER_MIGRATIONS, RosterBeneficiaryEntity } from '@mrm/roster';

/** Referrals's entities and migrations: app, migrate entrypoint and CLI. */
export const REFERRALS_ENTITIES = [RosterBeneficiaryEntity];
export const REFERRALS_MIGRATIONS = [...ROSTER_MIGRATIONS];
