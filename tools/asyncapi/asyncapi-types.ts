import type { JsonSchema } from './json-schema';

/** The parts of an AsyncAPI 3.0.0 document the generator writes. */
export interface Reference {
  readonly $ref: string;
}

export interface AsyncApiServer {
  readonly host: string;
  readonly protocol: 'nats';
  readonly description: string;
  readonly security?: Reference[];
}

export interface AsyncApiParameter {
  readonly description: string;
  readonly enum?: string[];
  readonly examples?: string[];
}

export interface AsyncApiChannel {
  readonly address: string;
  readonly title: string;
  readonly description: string;
  readonly parameters?: Record<string, AsyncApiParameter>;
  readonly messages: Record<string, Reference>;
  readonly 'x-stream': string;
}

export interface AsyncApiMessage {
  readonly name: string;
  readonly title: string;
  readonly summary: string;
  readonly contentType: 'application/json';
  readonly headers: JsonSchema;
  readonly payload: Reference | JsonSchema;
}

export interface AsyncApiOperation {
  readonly action: 'send' | 'receive';
  readonly title: string;
  readonly summary: string;
  readonly channel: Reference;
  readonly messages: Reference[];
  readonly 'x-producer'?: string;
  readonly 'x-consumer'?: string;
}

export interface AsyncApiDocument {
  readonly asyncapi: '3.0.0';
  readonly info: {
    readonly title: string;
    readonly version: string;
    readonly description: string;
  };
  readonly defaultContentType: 'application/json';
  readonly servers: Record<string, AsyncApiServer>;
  readonly channels: Record<string, AsyncApiChannel>;
  readonly operations: Record<string, AsyncApiOperation>;
  readonly components: {
    readonly messages: Record<string, AsyncApiMessage>;
    readonly schemas: Record<string, JsonSchema>;
    readonly securitySchemes: Record<
      string,
      { readonly type: 'userPassword'; readonly description: string }
    >;
  };
}
