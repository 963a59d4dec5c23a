import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@mrm/runtime';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { ReportingRebuild } from '../projections/reporting-rebuild';
import { ReportingConfig } from '../reporting.config';
import { ReportingModule } from '../reporting.module';

// `npm run rebuild:reporting`: replays every source stream into fresh fact tables, then swaps them
// in while the running service keeps answering from the old ones.
async function main(): Promise<void> {
  const config = loadConfig(ReportingConfig, 'reporting', {
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const app = await NestFactory.createApplicationContext(ReportingModule.forRoot(config), {
    logger: ['error'],
  });
  const bars = new MultiBar(
    { format: '{stream} |{bar}| {value}/{total} events | {eta_formatted} left' },
    Presets.shades_classic,
  );
  const byStream = new Map<string, SingleBar>();
  const startedAt = Date.now();
  try {
    const results = await app.get(ReportingRebuild).rebuild((stream, done, total) => {
      let bar = byStream.get(stream);
      if (!bar) {
        bar = bars.create(total, 0, { stream: stream.padEnd(13) });
        byStream.set(stream, bar);
      }
      bar.update(done);
    });
    bars.stop();
    const seconds = (Date.now() - startedAt) / 1000;
    for (const [stream, result] of Object.entries(results)) {
      console.log(
        `${stream}: ${result.read} events read, ${result.applied} applied, ${result.invalid} invalid skipped`,
      );
    }
    console.log(`rebuilt and swapped in ${seconds.toFixed(1)} s`);
  } finally {
    bars.stop();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
