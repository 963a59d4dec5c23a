import { buildDataSourceOptions } from '@mrm/persistence';
import { loadConfig, withPlatformSchema } from '@mrm/runtime';
import { DataSource } from 'typeorm';
import { ReferralsConfig } from '../referrals.config';
import { REFERRALS_ENTITIES, REFERRALS_MIGRATIONS } from './schema';

// Used by the TypeORM CLI (`npm run migration:* -- referrals`).
export const dataSource = new DataSource(
  buildDataSourceOptions({
    url: loadConfig(ReferralsConfig, 'referrals', process.env).DATABASE_URL,
    ...withPlatformSchema({ entities: REFERRALS_ENTITIES, migrations: REFERRALS_MIGRATIONS }),
  }),
);
