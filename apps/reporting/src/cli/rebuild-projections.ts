import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@mrm/runtime';
import { SingleBar, Presets } from 'cli-progress';
import { BeneficiaryFactsRebuild } from '../beneficiary-indicators/beneficiary-facts.rebuild';
import { ReportingConfig } from '../reporting.config';
import { ReportingModule } from '../reporting.module';

// `npm run rebuild:reporting`: replays the REGISTRATION stream into the beneficiary facts.
async function main(): Promise<void> {
  const config = loadConfig(ReportingConfig, 'reporting', {
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const app = await NestFactory.createApplicationContext(ReportingModule.forRoot(config), {
    logger: ['error'],
  });
  const bar = new SingleBar(
    { format: 'beneficiary facts |{bar}| {value}/{total} events | {eta_formatted} left' },
    Presets.shades_classic,
  );
  let started = false;
  const startedAt = Date.now();
  try {
    const result = await app.get(BeneficiaryFactsRebuild).rebuild((done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    });
    bar.stop();
    const seconds = (Date.now() - startedAt) / 1000;
    console.log(
      `rebuilt from ${result.read} events (${result.applied} applied, ${result.invalid} invalid skipped) in ${seconds.toFixed(1)} s`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
