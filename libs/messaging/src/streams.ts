import {
  PARTNER_RESPONSES_STREAM,
  PARTNERS_STREAM,
  PRODUCERS,
  type Producer,
} from '@mrm/contracts';
import { DiscardPolicy, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { BusNamespace } from './bus-namespace';

/** The dead-letter stream: every consumer's poison and exhausted messages. */
export const DLQ_STREAM = 'DLQ';
export const DLQ_SUBJECT_ROOT = 'dlq';

// Publishing is de-duplicated by Nats-Msg-Id inside this window; consumers' inboxes cover the rest.
const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

/** Stream of a producing service: `REGISTRATION` ← `registration.>`. */
export function streamOf(producer: Producer): string {
  return producer.toUpperCase();
}

/** The producer (first subject token) of a contract subject, if it names one. */
export function producerOfSubject(subject: string): Producer | undefined {
  const token = subject.split('.')[0];
  return (PRODUCERS as readonly string[]).includes(token) ? (token as Producer) : undefined;
}

export interface StreamSettings {
  readonly replicas: number;
  readonly maxAgeDays: number;
}

/** Stream configuration as code: file storage, limits retention, long history, dedup window. */
export function streamConfigFor(
  namespace: BusNamespace,
  name: string,
  subjectRoot: string,
  settings: StreamSettings,
): Partial<StreamConfig> & { name: string; subjects: string[] } {
  return {
    name: namespace.stream(name),
    subjects: [namespace.subject(`${subjectRoot}.>`)],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    num_replicas: settings.replicas,
    max_age: settings.maxAgeDays > 0 ? nanos(settings.maxAgeDays * 24 * 3600 * 1000) : 0,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    allow_direct: true,
  };
}

/**
 * The streams a service declares: its own (if it produces) and the dead-letter stream; referrals
 * also owns the partner bus (`PARTNERS` ← `partners.*.referrals.>`, `PARTNER_RESPONSES` ←
 * `partners.*.responses.>`, docs/partners.md).
 */
export function streamsOwnedBy(
  service: Producer,
  namespace: BusNamespace,
  settings: StreamSettings,
): Array<ReturnType<typeof streamConfigFor>> {
  return [
    streamConfigFor(namespace, streamOf(service), service, settings),
    streamConfigFor(namespace, DLQ_STREAM, DLQ_SUBJECT_ROOT, settings),
    ...(service === 'referrals'
      ? [
          streamConfigFor(namespace, PARTNERS_STREAM, 'partners.*.referrals', settings),
          streamConfigFor(namespace, PARTNER_RESPONSES_STREAM, 'partners.*.responses', settings),
        ]
      : []),
  ];
}
