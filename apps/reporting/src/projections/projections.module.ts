import { Module } from '@nestjs/common';
import { BeneficiaryFactsProjector } from '../beneficiary-indicators/beneficiary-facts.projector';
import { BeneficiaryEventsHandler } from '../beneficiary-indicators/handlers/beneficiary-events.handler';
import { ReferralEventsHandler } from '../referral-facts/handlers/referral-events.handler';
import { ReferralFactsProjector } from '../referral-facts/referral-facts.projector';
import { ReferralFactsRepository } from '../referral-facts/referral-facts.repository';
import { ReintegrationEventsHandler } from '../reintegration-facts/handlers/reintegration-events.handler';
import { ReintegrationFactsProjector } from '../reintegration-facts/reintegration-facts.projector';
import { ReintegrationFactsRepository } from '../reintegration-facts/reintegration-facts.repository';
import { TrainingEventsHandler } from '../training-facts/handlers/training-events.handler';
import { TrainingFactsProjector } from '../training-facts/training-facts.projector';
import { TrainingFactsRepository } from '../training-facts/training-facts.repository';
import { DistinctRollupRepository } from '../rollups/distinct-rollup.repository';
import { RollupCompactor } from '../rollups/rollup-compactor';
import { RollupRepository } from '../rollups/rollup.repository';
import { ReportingRebuild } from './reporting-rebuild';
import { StreamCheckpoints } from './stream-checkpoints';

/** Every projection: one live consumer per source stream, the projectors, and the full rebuild. */
@Module({
  controllers: [
    BeneficiaryEventsHandler,
    TrainingEventsHandler,
    ReintegrationEventsHandler,
    ReferralEventsHandler,
  ],
  providers: [
    BeneficiaryFactsProjector,
    RollupRepository,
    DistinctRollupRepository,
    RollupCompactor,
    TrainingFactsProjector,
    TrainingFactsRepository,
    ReintegrationFactsProjector,
    ReintegrationFactsRepository,
    ReferralFactsProjector,
    ReferralFactsRepository,
    StreamCheckpoints,
    ReportingRebuild,
  ],
  exports: [BeneficiaryFactsProjector, RollupRepository, StreamCheckpoints, ReportingRebuild],
})
export class ProjectionsModule {}
