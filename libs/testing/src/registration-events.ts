import {
  beneficiaryRegisteredV1,
  uuidv7,
  type BeneficiaryRegisteredV1,
  type EventEnvelope,
} from '@mrm/contracts';

/** A valid `beneficiary.registered.v1` envelope as registration would publish it. */
export function aRegisteredEvent(
  overrides: Partial<BeneficiaryRegisteredV1> = {},
): EventEnvelope<BeneficiaryRegisteredV1> {
  const beneficiaryId = overrides.beneficiaryId ?? uuidv7();
  return beneficiaryRegisteredV1.build(
    {
      beneficiaryId,
      reference: 'MA-2026-000123',
      ownerOrg: 'IOM',
      category: 'returning-moroccan',
      sex: 'female',
      birthYear: 1991,
      nationality: 'MA',
      regionCode: '05',
      version: 1,
      registeredAt: new Date().toISOString(),
      ...overrides,
    },
    { subject: beneficiaryId, correlationId: uuidv7() },
  );
}
