export * from './roster-beneficiary.entity';
export * from './roster.errors';
export * from './roster.module';
export * from './roster.projector';
export * from './roster.service';
export * from './migrations';
export type { RosterOptions } from './roster.options';
