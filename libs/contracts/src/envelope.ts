/**
 * One integration event as the platform sees it: the CloudEvents 1.0 context attributes plus the
 * `data` payload. On NATS it travels in binary mode (attributes as `ce-*` headers, data as the body).
 */
export interface EventEnvelope<TData = unknown> {
  /** Unique event id (UUIDv7); also the JetStream `Nats-Msg-Id` and the inbox key. */
  readonly id: string;
  /** Event type, e.g. `beneficiary.registered.v1`. */
  readonly type: string;
  /** Producing service as a URI reference, e.g. `/mrm/registration`. */
  readonly source: string;
  /** Id of the aggregate the event is about (pseudonymous, never personal data). */
  readonly subject: string;
  /** When the fact happened, ISO-8601 UTC. */
  readonly time: string;
  /** CloudEvents spec version, always `1.0`. */
  readonly specversion: '1.0';
  /** Media type of `data`, always `application/json`. */
  readonly datacontenttype: 'application/json';
  /** Id shared by every event and request caused by the same user action. */
  readonly correlationid: string;
  /** Id of the event or request that directly caused this one. */
  readonly causationid?: string;
  /** W3C trace context of the producing span, when tracing is on. */
  readonly traceparent?: string;
  readonly data: TData;
}

export const CLOUDEVENTS_SPEC_VERSION = '1.0' as const;
export const JSON_CONTENT_TYPE = 'application/json' as const;
