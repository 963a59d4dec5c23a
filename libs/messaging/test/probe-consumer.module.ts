import { Controller, DynamicModule, Injectable, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  beneficiaryRegisteredV1,
  type BeneficiaryRegisteredV1,
  type EventEnvelope,
} from '@mrm/contracts';
import { ServiceCoreModule, type ServiceConfig } from '@mrm/runtime';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { JetStreamContext } from '../src/transport/jetstream.context';
import { PermanentEventError } from '../src/errors';

/** What the probe handler should do for a given beneficiary id. */
export type ProbeScript = { failTimes: number } | 'always-fail' | 'reject';

/** A consumer whose behaviour each test scripts, recording every attempt. */
@Injectable()
export class ProbeBehaviour {
  readonly scripts = new Map<string, ProbeScript>();
  readonly attempts = new Map<string, number[]>();

  attempt(beneficiaryId: string): void {
    const times = this.attempts.get(beneficiaryId) ?? [];
    times.push(Date.now());
    this.attempts.set(beneficiaryId, times);
    const script = this.scripts.get(beneficiaryId);
    if (script === 'reject') throw new PermanentEventError('probe rejects this event');
    if (script === 'always-fail') throw new Error('probe always fails');
    if (script && times.length <= script.failTimes) {
      throw new Error(`probe fails attempt ${times.length}`);
    }
  }
}

@Controller()
class ProbeHandler {
  constructor(private readonly behaviour: ProbeBehaviour) {}

  @EventPattern(beneficiaryRegisteredV1.subject)
  async onRegistered(
    @Payload() event: EventEnvelope<BeneficiaryRegisteredV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    // The effect is written first, so a failure afterwards proves the rollback too.
    await context.entityManager.query(
      'INSERT INTO probe_effect (beneficiary_id, event_id) VALUES ($1, $2)',
      [event.data.beneficiaryId, event.id],
    );
    this.behaviour.attempt(event.data.beneficiaryId);
  }
}

export class CreateProbeEffect1763999999999 implements MigrationInterface {
  name = 'CreateProbeEffect1763999999999';
  async up(queryRunner: QueryRunner): Promise<void> {
    // No unique key on purpose: only the inbox stands between a redelivery and a second row.
    await queryRunner.query(
      'CREATE TABLE probe_effect (beneficiary_id uuid NOT NULL, event_id uuid NOT NULL)',
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE probe_effect');
  }
}

@Module({})
export class ProbeConsumerModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: ProbeConsumerModule,
      imports: [
        ServiceCoreModule.forService({
          service: 'training',
          config,
          entities: [],
          migrations: [CreateProbeEffect1763999999999],
        }),
      ],
      controllers: [ProbeHandler],
      providers: [ProbeBehaviour],
    };
  }
}
