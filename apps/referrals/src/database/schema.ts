import { ROSTER_MIGRATIONS, RosterBeneficiaryEntity } from '@mrm/roster';
import { PartnerServiceEntity } from '../partners/partner-service.entity';
import { PartnerEntity } from '../partners/partner.entity';
import { CreatePartnerDirectory1796600000000 } from './migrations/1796600000000-CreatePartnerDirectory';

/** Referrals' entities and migrations: app, migrate entrypoint and CLI. */
export const REFERRALS_ENTITIES = [RosterBeneficiaryEntity, PartnerEntity, PartnerServiceEntity];
export const REFERRALS_MIGRATIONS = [...ROSTER_MIGRATIONS, CreatePartnerDirectory1796600000000];
