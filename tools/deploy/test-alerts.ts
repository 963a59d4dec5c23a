/**
 * `npm run alerts:test`: promtool (Debian's prometheus package) checks and unit-tests the alert
 * rules. The rules live in a PrometheusRule object (deploy/components/monitoring/prometheus-rules.yaml); its
 * groups are written as a plain rule file into tmp/alerts/ beside the test files.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const MONITORING = join(ROOT, 'deploy', 'components', 'monitoring');
const OUT = join(ROOT, 'tmp', 'alerts');

const rule = parse(readFileSync(join(MONITORING, 'prometheus-rules.yaml'), 'utf8')) as {
  spec: { groups: unknown[] };
};
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'rules.yaml'), stringify({ groups: rule.spec.groups }));
const tests = readdirSync(join(MONITORING, 'tests')).filter((file) => file.endsWith('.yaml'));
for (const file of tests) copyFileSync(join(MONITORING, 'tests', file), join(OUT, file));

const run = (args: string[]) => execFileSync('promtool', args, { cwd: OUT, stdio: 'inherit' });
try {
  run(['check', 'rules', 'rules.yaml']);
  run(['test', 'rules', ...tests]);
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error('promtool is missing: apt-get install prometheus (Debian), as .ci/run does');
  }
  process.exitCode = 1;
}
