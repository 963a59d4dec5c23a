import { ROSTER_MIGRATIONS, RosterBeneficiaryEntity } from '@mrm/roster';
import { ScheduledTimerEntity, TIMER_MIGRATIONS } from '@mrm/timers';
import { ConsentGrantEntity } from '../consents/consent-grant.entity';
import { ErasureRequestEntity } from '../erasures/erasure-request.entity';
import { PartnerDeliveryEntity } from '../partner-bus/partner-delivery.entity';
import { PartnerSystemEntity } from '../partner-bus/partner-system.entity';
import { PartnerServiceEntity } from '../partners/partner-service.entity';
import { PartnerEntity } from '../partners/partner.entity';
import { ConsentOverrideEntity } from '../referrals/consent-override.entity';
import { ReferralTransitionEntity } from '../referrals/referral-transition.entity';
import { ReferralEntity } from '../referrals/referral.entity';
import { CreatePartnerDirectory1796600000000 } from './migrations/1796600000000-CreatePartnerDirectory';
import { CreateConsentGrant1796600100000 } from './migrations/1796600100000-CreateConsentGrant';
import { CreateReferral1796600200000 } from './migrations/1796600200000-CreateReferral';
import { CreateErasureRequest1796600300000 } from './migrations/1796600300000-CreateErasureRequest';
import { CreatePartnerSystem1796600400000 } from './migrations/1796600400000-CreatePartnerSystem';

/** Referrals' entities and migrations: app, migrate entrypoint and CLI. */
export const REFERRALS_ENTITIES = [
  RosterBeneficiaryEntity,
  ScheduledTimerEntity,
  PartnerEntity,
  PartnerServiceEntity,
  ConsentGrantEntity,
  ReferralEntity,
  ReferralTransitionEntity,
  ConsentOverrideEntity,
  ErasureRequestEntity,
  PartnerSystemEntity,
  PartnerDeliveryEntity,
];
export const REFERRALS_MIGRATIONS = [
  ...ROSTER_MIGRATIONS,
  ...TIMER_MIGRATIONS,
  CreatePartnerDirectory1796600000000,
  CreateConsentGrant1796600100000,
  CreateReferral1796600200000,
  CreateErasureRequest1796600300000,
  CreatePartnerSystem1796600400000,
];
