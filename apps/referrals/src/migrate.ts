import 'reflect-metadata';
import { loadConfig, migrateService } from '@mrm/runtime';
import { REFERRALS_ENTITIES, REFERRALS_MIGRATIONS } from './database/schema';
import { ReferralsConfig } from './referrals.config';

const config = loadConfig(ReferralsConfig, 'referrals', process.env);
migrateService({
  service: 'referrals',
  url: config.DATABASE_URL,
  entities: REFERRALS_ENTITIES,
  migrations: REFERRALS_MIGRATIONS,
}).then(
  (applied) => console.log(`referrals: ${applied.length} migration(s) applied`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
