import { CreateInboxMessage1763900000001 } from './1763900000001-CreateInboxMessage';
import { CreateOutboxMessage1763900000000 } from './1763900000000-CreateOutboxMessage';
import { IndexPublishedOutbox1763900000002 } from './1763900000002-IndexPublishedOutbox';

/** Every service lists these first in its migrations: the backbone's own tables. */
export const MESSAGING_MIGRATIONS = [
  CreateOutboxMessage1763900000000,
  CreateInboxMessage1763900000001,
  IndexPublishedOutbox1763900000002,
];
