import { BeneficiaryFactEntity } from '../beneficiary-indicators/beneficiary-fact.entity';
import { CreateBeneficiaryFact1763900200000 } from './migrations/1763900200000-CreateBeneficiaryFact';

/** Reporting's entities and migrations, shared by the app, the migrate entrypoint and the CLI. */
export const REPORTING_ENTITIES = [BeneficiaryFactEntity];
export const REPORTING_MIGRATIONS = [CreateBeneficiaryFact1763900200000];
