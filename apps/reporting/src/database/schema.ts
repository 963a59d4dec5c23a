import { BeneficiaryFactEntity } from '../beneficiary-indicators/beneficiary-fact.entity';
import { CreateBeneficiaryFact1763900200000 } from './migrations/1763900200000-CreateBeneficiaryFact';
import { CreateIndicatorFacts1765000000000 } from './migrations/1765000000000-CreateIndicatorFacts';
import { CreateExportAudit1765100000000 } from './migrations/1765100000000-CreateExportAudit';
import { CreateIndicatorRollups1766000000000 } from './migrations/1766000000000-CreateIndicatorRollups';
import { CreatePendingRollupDeltas1766100000000 } from './migrations/1766100000000-CreatePendingRollupDeltas';
import { TrackBeneficiaryClosures1766200000000 } from './migrations/1766200000000-TrackBeneficiaryClosures';

/** Reporting's entities and migrations, shared by the app, the migrate entrypoint and the CLI. */
export const REPORTING_ENTITIES = [BeneficiaryFactEntity];
export const REPORTING_MIGRATIONS = [
  CreateBeneficiaryFact1763900200000,
  CreateIndicatorFacts1765000000000,
  CreateExportAudit1765100000000,
  CreateIndicatorRollups1766000000000,
  CreatePendingRollupDeltas1766100000000,
  TrackBeneficiaryClosures1766200000000,
];
