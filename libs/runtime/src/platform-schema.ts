import { HTTP_ENTITIES, HTTP_MIGRATIONS } from '@mrm/http';
import { InboxMessageEntity, MESSAGING_MIGRATIONS, OutboxMessageEntity } from '@mrm/messaging';

/** A service's own entities and migrations (its `database/schema.ts`). */
export interface ServiceSchema {
  // TypeORM's own types for entity and migration lists.
  readonly entities: readonly Function[];
  readonly migrations: readonly Function[];
}

/**
 * Adds the platform's tables (outbox, inbox, idempotency records) in front of a service's own.
 * The one place that lists them, for the running service, its migrate entrypoint and its CLI.
 */
export function withPlatformSchema(schema: ServiceSchema): {
  entities: Function[];
  migrations: Function[];
} {
  return {
    entities: [OutboxMessageEntity, InboxMessageEntity, ...HTTP_ENTITIES, ...schema.entities],
    migrations: [...MESSAGING_MIGRATIONS, ...HTTP_MIGRATIONS, ...schema.migrations],
  };
}
