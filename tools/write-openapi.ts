import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildServiceOpenApi, loadConfig } from '@mrm/runtime';
import { SERVICE_CATALOGUE } from './openapi/service-catalogue';

// Writes the OpenAPI document of every service to tmp/openapi/<service>.json, as the service
// serves it at /api/openapi.json, without starting it (no database, no NATS).
//   npx ts-node -r tsconfig-paths/register tools/write-openapi.ts

const OUTPUT_DIR = path.join(__dirname, '..', 'tmp', 'openapi');

async function main(): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const { service, configClass, rootModule, openApi } of SERVICE_CATALOGUE) {
    // Preview mode creates no provider: the development settings only satisfy the config check.
    const config = loadConfig(configClass, service, { NODE_ENV: 'development' });
    const document = await buildServiceOpenApi(rootModule(config), openApi);
    const file = path.join(OUTPUT_DIR, `${service}.json`);
    writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
    console.log(
      `${path.relative(process.cwd(), file)}: ${Object.keys(document.paths).length} paths`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
