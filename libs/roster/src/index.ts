export * from './roster-beneficiary.entity';
export * from './roster.errors';
export * from './roster.module';
export type { RosterOptions } from './roster.options';
