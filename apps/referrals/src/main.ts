import 'reflect-metadata';
import { loadConfig, runService } from '@mrm/runtime';
import { ReferralsConfig } from './referrals.config';
import { ReferralsModule } from './referrals.module';
import { REFERRALS_OPENAPI } from './referrals.openapi';

const config = loadConfig(ReferralsConfig, 'referrals', process.env);
void runService(ReferralsModule.forRoot(config), config, REFERRALS_OPENAPI);
