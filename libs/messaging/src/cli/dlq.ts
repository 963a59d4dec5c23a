import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { BusNamespace } from '../bus-namespace';
import { DeadLetterStore } from '../dead-letters/dead-letter.store';
import { OPERATOR_CONNECTION_ENV, connectAsOperator } from './operator-connection';

const USAGE = `usage: npm run dlq -- list [--consumer <service>] [--reason <reason>] [--limit <n>]
       npm run dlq -- replay <sequence> [<sequence> …]
environment: NATS_NAMESPACE, ${OPERATOR_CONNECTION_ENV}`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

// Operator command: list dead letters, or replay them onto their original subject.
async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command !== 'list' && command !== 'replay') {
    console.error(USAGE);
    return 2;
  }
  const nc = await connectAsOperator();
  try {
    const store = new DeadLetterStore(
      await jetstreamManager(nc),
      jetstream(nc),
      new BusNamespace(process.env.NATS_NAMESPACE ?? ''),
    );
    if (command === 'list') {
      const letters = await store.list({
        consumer: option(rest, 'consumer'),
        reason: option(rest, 'reason'),
        limit: Number(option(rest, 'limit') ?? 100),
      });
      console.table(
        letters.map(
          ({
            sequence,
            storedAt,
            consumer,
            reason,
            originSubject,
            eventId,
            deliveries,
            error,
          }) => ({
            sequence,
            storedAt,
            consumer,
            reason,
            originSubject,
            eventId,
            deliveries,
            error: error.slice(0, 80),
          }),
        ),
      );
      return 0;
    }
    const sequences = rest.map(Number);
    if (sequences.length === 0 || sequences.some((seq) => !Number.isInteger(seq) || seq < 1)) {
      console.error(USAGE);
      return 2;
    }
    for (const sequence of sequences) {
      const letter = await store.replay(sequence);
      console.log(
        `replayed #${sequence} (${letter.eventType ?? 'unknown type'} ${letter.eventId ?? ''}) to ${letter.originSubject}`,
      );
    }
    return 0;
  } finally {
    await nc.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`dlq: ${(error as Error).message}`);
    process.exit(1);
  },
);
