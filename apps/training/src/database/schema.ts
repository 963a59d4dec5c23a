import { ROSTER_MIGRATIONS, RosterBeneficiaryEntity } from '@mrm/roster';

/** Training's entities and migrations: app, migrate entrypoint and CLI. */
export const TRAINING_ENTITIES = [RosterBeneficiaryEntity];
export const TRAINING_MIGRATIONS = [...ROSTER_MIGRATIONS];
