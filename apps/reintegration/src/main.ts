import 'reflect-metadata';
import { loadConfig, runService } from '@mrm/runtime';
import { ReintegrationConfig } from './reintegration.config';
import { ReintegrationModule } from './reintegration.module';
import { REINTEGRATION_OPENAPI } from './reintegration.openapi';

const config = loadConfig(ReintegrationConfig, 'reintegration', process.env);
void runService(ReintegrationModule.forRoot(config), config, REINTEGRATION_OPENAPI);
