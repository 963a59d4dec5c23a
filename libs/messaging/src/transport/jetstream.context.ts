import { BaseRpcContext } from '@nestjs/microservices';
import type { EventEnvelope } from '@mrm/contracts';
import type { JsMsg } from '@nats-io/jetstream';
import type { EntityManager } from 'typeorm';

type JetStreamContextArgs = [JsMsg, EntityManager, EventEnvelope];

/**
 * What an `@EventPattern` handler gets with `@Ctx()`: the transaction its effects must be written in
 * (the inbox row is already in it), the raw message and the envelope.
 */
export class JetStreamContext extends BaseRpcContext<JetStreamContextArgs> {
  /** The transaction of this delivery: commit happens, and the ack follows, after the handler. */
  get entityManager(): EntityManager {
    return this.args[1];
  }

  get message(): JsMsg {
    return this.args[0];
  }

  get envelope(): EventEnvelope {
    return this.args[2];
  }

  get deliveryCount(): number {
    return this.args[0].info.deliveryCount;
  }

  /** Tells the server the handler is still busy so it does not redeliver meanwhile. */
  working(): void {
    this.args[0].working();
  }
}
