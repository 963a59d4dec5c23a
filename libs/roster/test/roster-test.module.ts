import { Controller, DynamicModule, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  beneficiaryErasedV1,
  beneficiaryMergedV1,
  beneficiaryRegisteredV1,
  beneficiaryUpdatedV1,
  type BeneficiaryDimensions,
  type BeneficiaryErasedV1,
  type BeneficiaryMergedV1,
  type EventEnvelope,
} from '@mrm/contracts';
import { JetStreamContext } from '@mrm/messaging';
import {
  ROSTER_MIGRATIONS,
  RosterBeneficiaryEntity,
  RosterModule,
  RosterProjector,
  type RosterOptions,
} from '@mrm/roster';
import { ServiceCoreModule, type ServiceConfig } from '@mrm/runtime';

/** The handlers a service writes around the projector, without reactions of its own. */
@Controller()
class ProjectorOnlyHandler {
  constructor(private readonly roster: RosterProjector) {}

  @EventPattern(beneficiaryRegisteredV1.subject)
  async registered(
    @Payload() event: EventEnvelope<BeneficiaryDimensions>,
    @Ctx() c: JetStreamContext,
  ) {
    await this.roster.applyDimensions(c.entityManager, event.data);
  }

  @EventPattern(beneficiaryUpdatedV1.subject)
  async updated(
    @Payload() event: EventEnvelope<BeneficiaryDimensions>,
    @Ctx() c: JetStreamContext,
  ) {
    await this.roster.applyDimensions(c.entityManager, event.data);
  }

  @EventPattern(beneficiaryMergedV1.subject)
  async merged(@Payload() event: EventEnvelope<BeneficiaryMergedV1>, @Ctx() c: JetStreamContext) {
    await this.roster.markMerged(c.entityManager, {
      duplicateId: event.data.mergedBeneficiaryId,
      survivorId: event.data.beneficiaryId,
    });
  }

  @EventPattern(beneficiaryErasedV1.subject)
  async erased(@Payload() event: EventEnvelope<BeneficiaryErasedV1>, @Ctx() c: JetStreamContext) {
    await this.roster.markErased(c.entityManager, event.data);
  }
}

/** A service made of the platform core and the roster only, migrated with the lib's migrations. */
@Module({})
export class RosterTestModule {
  static forRoot(config: ServiceConfig, roster: RosterOptions): DynamicModule {
    return {
      module: RosterTestModule,
      imports: [
        ServiceCoreModule.forService({
          service: roster.service,
          config,
          entities: [RosterBeneficiaryEntity],
          migrations: ROSTER_MIGRATIONS,
        }),
        RosterModule.forService(roster),
      ],
      controllers: [ProjectorOnlyHandler],
    };
  }
}
