import {
  beneficiaryRegisteredV1,
  beneficiaryUpdatedV1,
  type BeneficiaryDimensions,
  type BeneficiaryRegisteredV1,
} from '@mrm/contracts';
import type { OutboxRowValues, OutboxWriter } from '@mrm/messaging';
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

/** The outbox row of `beneficiary.registered.v1`; its statement sets the reference it numbers. */
export function registeredRow(outbox: OutboxWriter, entity: BeneficiaryEntity): OutboxRowValues {
  return outbox.row<BeneficiaryRegisteredV1, 'reference'>(
    beneficiaryRegisteredV1,
    { ...dimensionsOf(entity), registeredAt: entity.createdAt.toISOString() },
    { subject: entity.id },
    ['reference'],
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
