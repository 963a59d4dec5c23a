import { EventDefinition } from './event-definition';
import { beneficiaryClosedV1 } from './registration/beneficiary-closed.v1';
import { beneficiaryConsentGrantedV1 } from './registration/beneficiary-consent-granted.v1';
import { beneficiaryConsentWithdrawnV1 } from './registration/beneficiary-consent-withdrawn.v1';
import { beneficiaryEnrolledV1 } from './registration/beneficiary-enrolled.v1';
import { beneficiaryErasedV1 } from './registration/beneficiary-erased.v1';
import { beneficiaryMergedV1 } from './registration/beneficiary-merged.v1';
import { beneficiaryRegisteredV1 } from './registration/beneficiary-registered.v1';
import { beneficiaryUpdatedV1 } from './registration/beneficiary-updated.v1';

/** Every event on the bus. Consumers look contracts up here; the AsyncAPI document is built from it. */
export const EVENT_CATALOGUE: ReadonlyArray<EventDefinition<object>> = [
  beneficiaryRegisteredV1,
  beneficiaryUpdatedV1,
  beneficiaryEnrolledV1,
  beneficiaryConsentGrantedV1,
  beneficiaryConsentWithdrawnV1,
  beneficiaryMergedV1,
  beneficiaryClosedV1,
  beneficiaryErasedV1,
];

const BY_TYPE = new Map(EVENT_CATALOGUE.map((definition) => [definition.type, definition]));

export function findEventDefinition(type: string): EventDefinition<object> | undefined {
  return BY_TYPE.get(type);
}
