import { RosterBeneficiaryEntity } from '@mrm/roster';
import { CreateRosterBeneficiary1795453100000 } from './migrations/1795453100000-CreateRosterBeneficiary';

/** Reintegration's entities and migrations: app, migrate entrypoint and CLI. */
export const REINTEGRATION_ENTITIES = [RosterBeneficiaryEntity];
export const REINTEGRATION_MIGRATIONS = [CreateRosterBeneficiary1795453100000];
