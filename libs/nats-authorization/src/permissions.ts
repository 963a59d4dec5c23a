import { consumedProducers, SERVICE_NAMES, type ServiceName } from '@mrm/contracts';
import {
  BusNames,
  DLQ_STREAM,
  DLQ_SUBJECT_ROOT,
  inboxPrefixOf,
  PARTNER_CODE_PATTERN,
  PARTNER_RESPONSES_STREAM,
  PARTNERS_STREAM,
} from './bus-names';

/** What a NATS user may publish and subscribe to (deny wins over allow). */
export interface NatsPermissions {
  readonly publish: { readonly allow: readonly string[]; readonly deny?: readonly string[] };
  readonly subscribe: { readonly allow: readonly string[] };
}

const API = '$JS.API';

/** Declare (info, create, update) a stream the user owns. */
function streamAdmin(stream: string): string[] {
  return ['INFO', 'CREATE', 'UPDATE'].map((action) => `${API}.STREAM.${action}.${stream}`);
}

/**
 * One durable pull consumer `durable` on `stream`: declare it (the 2.9+ create API carries the
 * filter subject after the name), read its info, pull from it and ack what it delivered.
 */
function durableConsumer(stream: string, durable: string): string[] {
  return [
    `${API}.CONSUMER.INFO.${stream}.${durable}`,
    `${API}.CONSUMER.CREATE.${stream}.${durable}`,
    `${API}.CONSUMER.CREATE.${stream}.${durable}.>`,
    `${API}.CONSUMER.DURABLE.CREATE.${stream}.${durable}`,
    `${API}.CONSUMER.MSG.NEXT.${stream}.${durable}`,
    `$JS.ACK.${stream}.${durable}.>`,
  ];
}

/**
 * The permissions of service `service`: its own stream and the shared DLQ (declared at start),
 * publishing on its own subjects and its own dead letters, its durable consumer (named after it) on
 * each stream it consumes, ephemeral ordered consumers there (projection rebuilds) but never one
 * named after another service, and replies under its own inbox prefix only.
 */
export function servicePermissions(service: ServiceName, namespace = ''): NatsPermissions {
  const names = new BusNames(namespace);
  const allow = [
    // Account info: the client checks the JetStream API is there before using it.
    `${API}.INFO`,
    ...streamAdmin(names.stream(service.toUpperCase())),
    ...streamAdmin(names.stream(DLQ_STREAM)),
    names.subject(`${service}.>`),
    names.subject(`${DLQ_SUBJECT_ROOT}.${service}.>`),
  ];
  const deny: string[] = [];
  const others = SERVICE_NAMES.filter((name) => name !== service);
  for (const producer of consumedProducers(service)) {
    const stream = names.stream(producer.toUpperCase());
    // Services start in any order: a consumer declares the producer's stream if it is missing
    // (same configuration as code), but may never update, purge or delete it.
    allow.push(`${API}.STREAM.INFO.${stream}`, `${API}.STREAM.CREATE.${stream}`);
    allow.push(...durableConsumer(stream, service));
    // Ordered consumers (rebuilds) get a random name; one named after another service's durable
    // would replace its configuration, so those names are denied.
    allow.push(
      `${API}.CONSUMER.CREATE.${stream}.*`,
      `${API}.CONSUMER.INFO.${stream}.*`,
      `${API}.CONSUMER.MSG.NEXT.${stream}.*`,
      `${API}.CONSUMER.DELETE.${stream}.*`,
    );
    for (const other of others) {
      deny.push(
        `${API}.CONSUMER.CREATE.${stream}.${other}`,
        `${API}.CONSUMER.CREATE.${stream}.${other}.>`,
        `${API}.CONSUMER.DURABLE.CREATE.${stream}.${other}`,
        `${API}.CONSUMER.MSG.NEXT.${stream}.${other}`,
        `${API}.CONSUMER.DELETE.${stream}.${other}`,
      );
    }
  }
  if (service === 'registration') {
    // Registration alone builds the encrypted package a partner receives (bus contract).
    allow.push(names.subject('partners.*.referrals.>'));
  }
  if (service === 'referrals') {
    const partners = names.stream(PARTNERS_STREAM);
    const responses = names.stream(PARTNER_RESPONSES_STREAM);
    allow.push(...streamAdmin(partners), ...streamAdmin(responses));
    // It provisions and revokes every partner's durable and reads their info (delivery receipts).
    allow.push(
      `${API}.CONSUMER.INFO.${partners}.*`,
      `${API}.CONSUMER.CREATE.${partners}.*`,
      `${API}.CONSUMER.CREATE.${partners}.*.>`,
      `${API}.CONSUMER.DURABLE.CREATE.${partners}.*`,
      `${API}.CONSUMER.DELETE.${partners}.*`,
      `${API}.CONSUMER.LIST.${partners}`,
      `${API}.CONSUMER.NAMES.${partners}`,
    );
    allow.push(...durableConsumer(responses, service));
    // Its own durable on PARTNERS reads what was published there: the first hop of the receipts.
    allow.push(...durableConsumer(partners, service));
    // Refusal notices reach a partner through its one consumer.
    allow.push(names.subject('partners.*.referrals.notice'));
  }
  return {
    publish: { allow: unique(allow), ...(deny.length > 0 ? { deny: unique(deny) } : {}) },
    subscribe: { allow: [`${inboxPrefixOf(service)}.>`] },
  };
}

/**
 * The operator (`npm run dlq`, `npm run streams:*`): the whole JetStream API, dead letters, and
 * the subjects a dead letter is replayed or a stream restored onto (every stream's subjects).
 */
export function operatorPermissions(namespace = ''): NatsPermissions {
  const names = new BusNames(namespace);
  return {
    publish: {
      allow: [
        `${API}.>`,
        names.subject(`${DLQ_SUBJECT_ROOT}.>`),
        ...SERVICE_NAMES.map((service) => names.subject(`${service}.>`)),
        names.subject('partners.*.responses.>'),
        names.subject('partners.*.referrals.>'),
      ],
    },
    subscribe: { allow: [`${inboxPrefixOf(OPERATOR_USER)}.>`] },
  };
}

/** The NATS user of the operator tools. */
export const OPERATOR_USER = 'operator';

/**
 * A partner institution (shared bus contract, verified on nats-server 2.9): fetch and ack on its
 * own durable `<code>` of PARTNERS, publish its answers on `partners.<code>.responses.>`, and
 * replies under `_INBOX_<code>` only.
 */
export function partnerPermissions(code: string, namespace = ''): NatsPermissions {
  if (!PARTNER_CODE_PATTERN.test(code)) {
    throw new Error(`partner code "${code}" must match ${String(PARTNER_CODE_PATTERN)}`);
  }
  const names = new BusNames(namespace);
  const partners = names.stream(PARTNERS_STREAM);
  return {
    publish: {
      allow: [
        `${API}.CONSUMER.INFO.${partners}.${code}`,
        `${API}.CONSUMER.MSG.NEXT.${partners}.${code}`,
        `$JS.ACK.${partners}.${code}.>`,
        names.subject(`partners.${code}.responses.>`),
      ],
    },
    subscribe: { allow: [`${inboxPrefixOf(code)}.>`] },
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
