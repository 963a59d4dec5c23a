import 'reflect-metadata';
import { loadConfig, runService } from '@mrm/runtime';
import { RegistrationConfig } from './registration.config';
import { RegistrationModule } from './registration.module';
import { REGISTRATION_OPENAPI } from './registration.openapi';

const config = loadConfig(RegistrationConfig, 'registration', process.env);
void runService(RegistrationModule.forRoot(config), config, REGISTRATION_OPENAPI);
