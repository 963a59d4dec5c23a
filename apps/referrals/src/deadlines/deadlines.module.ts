import { DynamicModule, Module } from '@nestjs/common';
import { DEADLINE_POLICY } from './deadline.tokens';
import { DeadlinePolicy } from './deadline-policy';

/** The deadline windows, read from `REFERRALS_DEADLINES` once at start-up (global). */
@Module({})
export class DeadlinesModule {
  static forRoot(json: string | undefined): DynamicModule {
    return {
      module: DeadlinesModule,
      global: true,
      providers: [{ provide: DEADLINE_POLICY, useValue: DeadlinePolicy.fromJson(json) }],
      exports: [DEADLINE_POLICY],
    };
  }
}
