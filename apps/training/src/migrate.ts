import 'reflect-metadata';
import { loadConfig, migrateService } from '@mrm/runtime';
import { TRAINING_ENTITIES, TRAINING_MIGRATIONS } from './database/schema';
import { TrainingConfig } from './training.config';

const config = loadConfig(TrainingConfig, 'training', process.env);
migrateService({
  service: 'training',
  url: config.DATABASE_URL,
  entities: TRAINING_ENTITIES,
  migrations: TRAINING_MIGRATIONS,
}).then(
  (applied) => console.log(`training: ${applied.length} migration(s) applied`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
