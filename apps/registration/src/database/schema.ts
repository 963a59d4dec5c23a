import { BeneficiaryEntity } from '../beneficiaries/beneficiary.entity';
import { CreateBeneficiary1763900100000 } from './migrations/1763900100000-CreateBeneficiary';

/** Registration's entities and migrations, shared by the app, the migrate entrypoint and the CLI. */
export const REGISTRATION_ENTITIES = [BeneficiaryEntity];
export const REGISTRATION_MIGRATIONS = [CreateBeneficiary1763900100000];
