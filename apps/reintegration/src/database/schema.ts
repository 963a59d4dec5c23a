import { ROSTER_MIGRATIONS, RosterBeneficiaryEntity } from '@mrm/roster';

/** Reintegration's entities and migrations: app, migrate entrypoint and CLI. */
export const REINTEGRATION_ENTITIES = [RosterBeneficiaryEntity];
export const REINTEGRATION_MIGRATIONS = [...ROSTER_MIGRATIONS];
