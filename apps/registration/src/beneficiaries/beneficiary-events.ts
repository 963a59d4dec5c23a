import {
  beneficiaryRegisteredV1,
  beneficiaryUpdatedV1,
  type BeneficiaryDimensions,
} from '@mrm/contracts';
import type { OutboxWriter } from '@mrm/messaging';
import type { EntityManager } from 'typeorm';
import type { BeneficiaryEntity } from './beneficiary.entity';

/** The non-identifying dimensions carried by registration events: never a name or a contact. */
export function dimensionsOf(entity: BeneficiaryEntity): BeneficiaryDimensions {
  return {
    beneficiaryId: entity.id,
    ownerOrg: entity.ownerOrg,
    category: entity.category,
    sex: entity.sex,
    birthYear: entity.birthYear,
    nationality: entity.nationality,
    regionCode: entity.regionCode,
    ...(entity.programmeCode ? { programmeCode: entity.programmeCode } : {}),
    ...(entity.countryOfOrigin ? { countryOfOrigin: entity.countryOfOrigin } : {}),
    ...(entity.returnCountry ? { returnCountry: entity.returnCountry } : {}),
    languages: [...entity.languages],
    status: entity.status,
    version: entity.version,
  };
}

/** `beneficiary.registered.v1` of a new record, in the caller's transaction. */
export async function appendRegistered(input: {
  outbox: OutboxWriter;
  em: EntityManager;
  entity: BeneficiaryEntity;
}): Promise<void> {
  const { entity } = input;
  await input.outbox.append(
    input.em,
    beneficiaryRegisteredV1,
    {
      ...dimensionsOf(entity),
      reference: entity.reference,
      registeredAt: entity.createdAt.toISOString(),
    },
    { subject: entity.id },
  );
}

/** `beneficiary.updated.v1` with the full current dimensions, in the caller's transaction. */
export async function appendUpdated(input: {
  outbox: OutboxWriter;
  em: EntityManager;
  entity: BeneficiaryEntity;
}): Promise<void> {
  await input.outbox.append(
    input.em,
    beneficiaryUpdatedV1,
    { ...dimensionsOf(input.entity), updatedAt: input.entity.updatedAt.toISOString() },
    { subject: input.entity.id },
  );
}
