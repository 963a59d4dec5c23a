import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { StreamBackup } from '../backup/stream-backup';
import { BusNamespace } from '../bus-namespace';
import { OPERATOR_CONNECTION_ENV, connectAsOperator } from './operator-connection';

const USAGE = `usage: npm run streams:backup -- --dir <directory> [--stream <name> …]
       npm run streams:restore -- --dir <directory> [--stream <name> …]
Backs up every stream of the namespace (or the named ones) into <directory>/<STREAM>/, or
re-creates them from it (refused for a stream that exists with messages).
environment: NATS_NAMESPACE, ${OPERATOR_CONNECTION_ENV}`;

function values(args: string[], name: string): string[] {
  return args.flatMap((arg, i) => (arg === `--${name}` && args[i + 1] ? [args[i + 1]] : []));
}

// Operator command (docs/operations/backup-and-restore.md), also run by the stream backup CronJob.
async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const [directory] = values(rest, 'dir');
  if ((command !== 'backup' && command !== 'restore') || !directory) {
    console.error(USAGE);
    return 2;
  }
  const nc = await connectAsOperator();
  try {
    const backup = new StreamBackup(await jetstreamManager(nc), jetstream(nc));
    const namespace = process.env.NATS_NAMESPACE ?? '';
    const prefix = namespace ? `${new BusNamespace(namespace).stream('')}` : '';
    const named = values(rest, 'stream');
    const streams =
      named.length > 0
        ? named
        : command === 'backup'
          ? await backup.streams(prefix)
          : await backup.backedUpStreams(directory);
    for (const stream of streams) {
      const report =
        command === 'backup'
          ? await backup.backup(stream, directory)
          : await backup.restore(stream, directory);
      console.log(
        `${command === 'backup' ? 'backed up' : 'restored'} ${stream}: ${report.messages} messages`,
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
    console.error(`streams: ${(error as Error).message}`);
    process.exit(1);
  },
);
