import { findEventDefinition, type EventEnvelope } from '@mrm/contracts';

/** The contract subject of an envelope; an event type missing from the catalogue is a bug. */
export function contractSubjectOf(envelope: Pick<EventEnvelope, 'type'>): string {
  const definition = findEventDefinition(envelope.type);
  if (!definition) {
    throw new Error(`Event type ${envelope.type} is not in the contracts catalogue`);
  }
  return definition.subject;
}
