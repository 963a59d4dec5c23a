import 'reflect-metadata';
import { loadConfig, runService } from '@mrm/runtime';
import { ReportingConfig } from './reporting.config';
import { ReportingModule } from './reporting.module';
import { REPORTING_OPENAPI } from './reporting.openapi';

const config = loadConfig(ReportingConfig, 'reporting', process.env);
void runService(ReportingModule.forRoot(config), config, REPORTING_OPENAPI);
