import { RosterBeneficiaryEntity } from '@mrm/roster';
import { CreateRosterBeneficiary1795453000000 } from './migrations/1795453000000-CreateRosterBeneficiary';

/** Training's entities and migrations: app, migrate entrypoint and CLI. */
export const TRAINING_ENTITIES = [RosterBeneficiaryEntity];
export const TRAINING_MIGRATIONS = [CreateRosterBeneficiary1795453000000];
