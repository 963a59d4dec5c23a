import 'reflect-metadata';
import { loadConfig, runService } from '@mrm/runtime';
import { TrainingConfig } from './training.config';
import { TrainingModule } from './training.module';
import { TRAINING_OPENAPI } from './training.openapi';

const config = loadConfig(TrainingConfig, 'training', process.env);
void runService(TrainingModule.forRoot(config), config, TRAINING_OPENAPI);
