/**
 * `npm run deploy:check`: renders every overlay of deploy/, validates each object against the
 * vendored Kubernetes, CloudNativePG and prometheus-operator schemas (deploy/schemas), and
 * validates docker-compose.yml against the Compose specification. Exits 1 with every problem.
 *
 * Staging and prod must carry no placeholder and only images pinned by digest. The repository
 * cannot hold the real registry, digests and OIDC issuer, so without flags their placeholders are
 * listed as what a release must fill in; `-- --release <env>` (the release pipeline, the install
 * runbook) refuses them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describeErrors, inspectRender } from './inspect-render';
import { findRenderer, render } from './render';
import { loadComposeValidator, loadValidators } from './schemas';

const ROOT = join(__dirname, '..', '..');
const OVERLAYS = join(ROOT, 'deploy', 'overlays');
/** On-demand Jobs (key rotation, stream backups), rendered and validated like an overlay. */
const JOBS = join(ROOT, 'deploy', 'jobs');
/** Environments that hold real data: nothing left to fill in, every image pinned by digest. */
const STRICT = new Set(['staging', 'prod']);

function releaseArgument(): string | undefined {
  const at = process.argv.indexOf('--release');
  if (at < 0) return undefined;
  const env = process.argv[at + 1];
  if (!env || !STRICT.has(env)) throw new Error(`--release takes one of ${[...STRICT].join(', ')}`);
  return env;
}

function main(): void {
  const problems: string[] = [];
  const release = releaseArgument();
  const validators = loadValidators();
  console.log(`Renderer: ${findRenderer().name}`);

  const targets = [
    ...readdirSync(OVERLAYS)
      .sort()
      .map((env) => ({ env, directory: join(OVERLAYS, env) })),
    ...readdirSync(JOBS)
      .sort()
      .map((job) => ({ env: `jobs/${job}`, directory: join(JOBS, job) })),
  ];
  for (const { env, directory } of targets) {
    if (release && env !== release) continue;
    let rendered: string;
    try {
      rendered = render(directory);
    } catch (error) {
      problems.push(`${env}: does not render: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const report = inspectRender(env, rendered, validators);
    problems.push(...report.invalid);
    const summary = [...report.counts].map(([group, n]) => `${n} ${group}`).join(', ');
    console.log(`${env}: ${report.objects.length} objects (${summary})`);
    if (!STRICT.has(env)) continue;
    if (release) problems.push(...report.unfilled);
    else if (report.unfilled.length > 0) {
      console.log(`  ${report.unfilled.length} value(s) a release must fill in, e.g.`);
      for (const line of report.unfilled.slice(0, 2)) console.log(`    ${line}`);
    }
  }

  if (!release) {
    // Compose files use YAML merge keys (<<: *env) for shared settings.
    const composeFile = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    const validateCompose = loadComposeValidator();
    if (!validateCompose(parse(composeFile, { merge: true }))) {
      problems.push(`docker-compose.yml: ${describeErrors(validateCompose.errors)}`);
    } else console.log('docker-compose.yml: valid against the Compose specification');
  }

  if (problems.length > 0) {
    console.error(
      `\n${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    process.exitCode = 1;
  } else console.log(release ? `${release}: ready for release` : 'deploy: ok');
}

main();
