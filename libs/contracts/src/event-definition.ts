import { CLOUDEVENTS_SPEC_VERSION, EventEnvelope, JSON_CONTENT_TYPE } from './envelope';
import { SERVICE_NAMES, type ServiceName } from './services';
import { uuidv7 } from './uuid-v7';

/** The services that publish on the bus; the first token of every subject. */
export const PRODUCERS = SERVICE_NAMES;
export type Producer = ServiceName;

export type PayloadClass<T> = new (...args: never[]) => T;

export interface EventDefinitionInput<T> {
  /** `<aggregate>.<past-tense-verb>.v<N>`, lowercase, kebab-case tokens. */
  readonly type: string;
  readonly producer: Producer;
  readonly payload: PayloadClass<T>;
  /** One sentence for the AsyncAPI document. */
  readonly description: string;
}

export interface BuildOptions {
  /** Aggregate id carried as `ce-subject`. */
  readonly subject: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly traceparent?: string;
  readonly time?: Date;
  readonly id?: string;
}

/** A typed event contract: wire names as constants plus a builder that cannot misspell them. */
export interface EventDefinition<T> {
  readonly type: string;
  /** NATS subject without any deployment namespace: `<producer>.<type>`. */
  readonly subject: string;
  readonly producer: Producer;
  readonly payload: PayloadClass<T>;
  readonly description: string;
  build(data: T, options: BuildOptions): EventEnvelope<T>;
}

const TYPE_PATTERN = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/;

export function defineEvent<T>(input: EventDefinitionInput<T>): EventDefinition<T> {
  if (!TYPE_PATTERN.test(input.type)) {
    throw new Error(`Event type "${input.type}" does not follow <aggregate>.<verb>.v<N>`);
  }
  const subject = `${input.producer}.${input.type}`;
  return {
    ...input,
    subject,
    build(data: T, options: BuildOptions): EventEnvelope<T> {
      return {
        id: options.id ?? uuidv7(),
        type: input.type,
        source: `/mrm/${input.producer}`,
        subject: options.subject,
        time: (options.time ?? new Date()).toISOString(),
        specversion: CLOUDEVENTS_SPEC_VERSION,
        datacontenttype: JSON_CONTENT_TYPE,
        correlationid: options.correlationId,
        ...(options.causationId ? { causationid: options.causationId } : {}),
        ...(options.traceparent ? { traceparent: options.traceparent } : {}),
        data,
      };
    },
  };
}
