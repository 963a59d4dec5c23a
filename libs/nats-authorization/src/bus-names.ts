// The stream and subject names of the bus, as BusNamespace (libs/messaging) applies a namespace to
// them. Repeated here so this library stays plain TypeScript (no Nest); a unit test keeps the two
// in step.

/** The dead-letter stream and its subject root (libs/messaging/src/streams.ts). */
export const DLQ_STREAM = 'DLQ';
export const DLQ_SUBJECT_ROOT = 'dlq';

/** Referrals to partners: `partners.<code>.referrals.>`, one durable `<code>` per partner. */
export const PARTNERS_STREAM = 'PARTNERS';
/** Partners' answers: `partners.<code>.responses.>`, read by referrals' durable. */
export const PARTNER_RESPONSES_STREAM = 'PARTNER_RESPONSES';

/** A partner code is one subject token (shared bus contract). */
export const PARTNER_CODE_PATTERN = /^[a-z][a-z0-9-]{1,31}$/;

/** The inbox prefix of a NATS user: its replies and pulled messages arrive under it. */
export function inboxPrefixOf(user: string): string {
  return `_INBOX_${user}`;
}

export class BusNames {
  constructor(readonly namespace = '') {
    if (namespace !== '' && !/^[a-z][a-z0-9]{0,15}$/.test(namespace)) {
      throw new Error(`NATS namespace "${namespace}" must be lowercase alphanumerics (max 16)`);
    }
  }

  subject(subject: string): string {
    return this.namespace ? `${this.namespace}.${subject}` : subject;
  }

  stream(name: string): string {
    return this.namespace ? `${this.namespace.toUpperCase()}_${name}` : name;
  }
}
