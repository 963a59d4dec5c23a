import { CreateInboxMessage1763900000001 } from './1763900000001-CreateInboxMessage';
import { CreateOutboxMessage1763900000000 } from './1763900000000-CreateOutboxMessage';

/** Every service lists these first in its migrations: the backbone's own tables. */
export const MESSAGING_MIGRATIONS = [
  CreateOutboxMessage1763900000000,
  CreateInboxMessage1763900000001,
];
