import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as contracts from '@mrm/contracts';
import { PLATFORM_SERVICES, SERVICE_NAMES } from '@mrm/contracts';
import { ACCOUNTS_INCLUDE_PATH, renderClusterAccounts } from '@mrm/nats-authorization';
import { SERVICE_CATALOGUE } from '../../tools/openapi/service-catalogue';

// The places a service must appear that cannot import PLATFORM_SERVICES (JSON, YAML, NATS
// configuration): each is checked against it, so a sixth service missing one fails here, naming it.
const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
const nestCli = JSON.parse(read('nest-cli.json')) as {
  projects: Record<string, { type: string; sourceRoot: string }>;
};

describe.each(SERVICE_NAMES)('the %s service template', (service) => {
  const port = PLATFORM_SERVICES[service].port;

  it('has the files every service has', () => {
    const files = [
      'README.md',
      'tsconfig.app.json',
      'src/main.ts',
      'src/migrate.ts',
      `src/${service}.module.ts`,
      `src/${service}.config.ts`,
      `src/${service}.openapi.ts`,
      'src/database/data-source.ts',
      'src/database/schema.ts',
    ];
    const missing = files.filter((file) => !existsSync(join(root, 'apps', service, file)));

    expect(missing).toEqual([]);
  });

  it('is a Nest CLI application project', () => {
    expect(nestCli.projects[service]).toMatchObject({
      type: 'application',
      sourceRoot: `apps/${service}/src`,
    });
  });

  it('runs in compose with its port, its database and a migration one-shot', () => {
    const compose = read('docker-compose.yml');

    expect(compose).toContain(`\n  ${service}:\n`);
    expect(compose).toContain(`\n  ${service}-migrate:\n`);
    expect(compose).toContain(`HTTP_PORT: '${port}'`);
    expect(compose).toContain(`@postgres:5432/mrm_${service}\n`);
  });

  it('is deployed by the Kubernetes base with its port and database', () => {
    const kustomization = read('deploy/base/kustomization.yaml');
    const manifests = ['configmap', 'service', 'migrate-job', 'deployment'].map(
      (name) => `${service}/${name}.yaml`,
    );

    for (const manifest of manifests) {
      expect(kustomization).toContain(`  - ${manifest}\n`);
      expect(existsSync(join(root, 'deploy/base', manifest))).toBe(true);
    }
    expect(read(`deploy/base/${service}/configmap.yaml`)).toContain(`HTTP_PORT: '${port}'`);
    expect(read('deploy/base/postgres/databases.yaml')).toMatch(new RegExp(`mrm_${service}\\b`));
  });

  // The cluster's configuration includes the accounts file that `npm run partners -- render`
  // writes from the declaration and the partner directory (ADR 0021).
  it('has a NATS user allowed to publish its own subjects', () => {
    const accounts = renderClusterAccounts({ partners: [] });
    const block = accounts.slice(accounts.indexOf(`user: "${service}"\n`));

    expect(read('deploy/base/nats/nats.conf')).toContain(`include ${ACCOUNTS_INCLUDE_PATH}\n`);
    expect(block).not.toBe(accounts);
    expect(block.slice(0, 1000)).toContain(`"${service}.>"`);
  });

  // The NATS permissions grant a durable on exactly the streams PLATFORM_SERVICES says the
  // service consumes: a handler of another producer's events would be refused by the server.
  it('declares the producers whose events it handles, and only those', () => {
    const sources = sourceFiles(join(root, 'apps', service, 'src')).map((file) =>
      readFileSync(file, 'utf8'),
    );
    // A handler names one contract (`x.subject`) or a list of them (`LIST.map(...)`).
    const definitionsOf = (name: string): string[] => {
      if (name in contracts) return [name];
      const list = sources
        .map((source) => source.match(new RegExp(`export const ${name} = \\[([^\\]]*)\\]`)))
        .find(Boolean);
      expect(list).toBeTruthy();
      return list![1]
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
    };
    const handled = new Set<string>();
    for (const source of sources) {
      for (const match of source.matchAll(/@EventPattern\((\w+)\.(?:subject\)|map\()/g)) {
        for (const name of definitionsOf(match[1])) {
          const definition = (contracts as Record<string, unknown>)[name] as
            { subject?: string } | undefined;
          expect(definition?.subject).toBeDefined();
          handled.add(definition!.subject!.split('.')[0]);
        }
      }
    }

    expect([...PLATFORM_SERVICES[service].consumes].sort()).toEqual([...handled].sort());
  });
});

describe('the platform declaration', () => {
  it('lists every app folder, and only those', () => {
    const apps = readdirSync(join(root, 'apps')).sort();

    expect(apps).toEqual([...SERVICE_NAMES].sort());
  });

  it('gives every lib a Nest CLI project and an @mrm path', () => {
    const paths = (
      JSON.parse(read('tsconfig.json')) as {
        compilerOptions: { paths: Record<string, string[]> };
      }
    ).compilerOptions.paths;

    for (const lib of readdirSync(join(root, 'libs'))) {
      expect(nestCli.projects[lib]).toMatchObject({ type: 'library' });
      expect(paths[`@mrm/${lib}`]).toEqual([`libs/${lib}/src`]);
    }
  });

  it('lists every service in the catalogue the OpenAPI tools and tests go over', () => {
    expect(SERVICE_CATALOGUE.map((entry) => entry.service)).toEqual([...SERVICE_NAMES]);
  });

  it('gives every service its own port', () => {
    const ports = SERVICE_NAMES.map((name) => PLATFORM_SERVICES[name].port);

    expect(new Set(ports).size).toBe(ports.length);
  });
});
