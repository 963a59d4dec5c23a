import { partnerRegisteredV1, partnerUpdatedV1 } from '@mrm/contracts';
import type { OutboxWriter } from '@mrm/messaging';
import type { EntityManager } from 'typeorm';
import { PartnerServiceEntity } from './partner-service.entity';
import type { PartnerEntity } from './partner.entity';

/**
 * Appends `partner.registered.v1` or `partner.updated.v1` for the partner as it now stands, with
 * the types and regions of its active services (what reporting needs of the directory).
 */
export async function appendPartnerEvent(input: {
  em: EntityManager;
  outbox: OutboxWriter;
  partner: PartnerEntity;
  registered: boolean;
}): Promise<void> {
  const { em, partner } = input;
  const services = await em.find(PartnerServiceEntity, {
    where: { partnerId: partner.id, active: true },
  });
  const data = {
    partnerId: partner.id,
    code: partner.code,
    kind: partner.kind,
    active: partner.active,
    serviceTypes: [...new Set(services.map((service) => service.serviceType))].sort(),
    regionCodes: [...new Set(services.flatMap((service) => service.regionCodes))].sort(),
    version: partner.version,
    occurredAt: partner.updatedAt.toISOString(),
  };
  const definition = input.registered ? partnerRegisteredV1 : partnerUpdatedV1;
  await input.outbox.append(em, definition, data, { subject: partner.id, time: partner.updatedAt });
}
