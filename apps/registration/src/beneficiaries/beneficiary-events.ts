import {
  beneficiaryRegisteredV1,
  beneficiaryUpdatedV1,
  type BeneficiaryDimensions,
  type BeneficiaryRegisteredV1,
} from '@mrm/contracts';
import { outboxNotify, type EventDataFromRow, type OutboxWriter } from '@mrm/messaging';
import type { EntityManager } from 'typeorm';
import type { AuditRecordInput, AuditService } from '../audit/audit.service';
import { INSERTED, WAS_INSERTED, type BeneficiaryInsertInput } from './beneficiary-insert';
import type { BeneficiaryEntity } from './beneficiary.entity';

// `beneficiary.registered.v1` takes its reference from the row its statement inserts.
const REFERENCE_OF_INSERTED: EventDataFromRow<'reference'> = {
  relation: INSERTED,
  fields: { reference: 'reference' },
};

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

// The outbox row's CTE, named once for the row and for the NOTIFY that carries its id.
const APPENDED = 'appended';
const NOTIFY_APPENDED = outboxNotify(APPENDED);

/**
 * What a registration writes beside the beneficiary row, in the same statement (ADR 0008): its
 * audit entry, and `beneficiary.registered.v1` with the reference that statement numbers, with the
 * NOTIFY that wakes the relay. The benchmark's raw ceiling writes the same.
 */
export function registrationWrites(input: {
  outbox: OutboxWriter;
  audit: AuditService;
  entity: BeneficiaryEntity;
  entry: AuditRecordInput;
}): Pick<BeneficiaryInsertInput, 'alongside' | 'selectAlso'> {
  const { entity } = input;
  const registered = input.outbox.eventStatement<BeneficiaryRegisteredV1, 'reference'>(
    beneficiaryRegisteredV1,
    { ...dimensionsOf(entity), registeredAt: entity.createdAt.toISOString() },
    { subject: entity.id },
    REFERENCE_OF_INSERTED,
  );
  return {
    alongside: [
      // Written with the row or not at all: the statement may find duplicates instead (ADR 0010).
      { name: 'audited', statement: input.audit.entryStatement(input.entry, WAS_INSERTED) },
      { name: APPENDED, statement: registered },
    ],
    selectAlso: NOTIFY_APPENDED,
  };
}
