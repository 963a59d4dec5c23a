// Dependency rules of STYLE.md §4.5, checked by `npm run deps:validate`:
//   depcruise apps libs tools --config .dependency-cruiser.cjs
// `$1`/`$2` in a `to` pattern stand for the groups matched by the rule's `from.path`.

const TESTS = '(^|/)test/|\\.(e2e-)?spec\\.ts$';

/** Matches an npm package by name, resolved (`node_modules/<name>/…`) or not (`<name>`). */
const NPM_PACKAGE = (...names) => `(^|/)node_modules/(${names.join('|')})/|^(${names.join('|')})$`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-app-to-other-app',
      comment:
        'Services share contracts and libraries, never code: talk over NATS or HTTP instead.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-to-app',
      comment: 'Libraries serve every app, so they cannot depend on one.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'contracts-framework-free',
      comment: 'Contracts are plain classes any consumer can load: no NestJS, no TypeORM.',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { path: NPM_PACKAGE('@nestjs/[^/]+', 'typeorm') },
    },
    {
      name: 'nats-authorization-framework-free',
      comment:
        'The NATS authorization renderer runs in tools and tests without a service: plain ' +
        'TypeScript over the contracts, no NestJS, no TypeORM, no messaging backbone.',
      severity: 'error',
      from: { path: '^libs/nats-authorization/', pathNot: TESTS },
      to: {
        path: [NPM_PACKAGE('@nestjs/[^/]+', 'typeorm'), '^libs/(?!contracts/|nats-authorization/)'],
      },
    },
    {
      name: 'partner-sdk-standalone',
      comment:
        'The partner SDK is published for the institutions: plain TypeScript over the NATS ' +
        'client and jose, no NestJS, no TypeORM, no platform library.',
      severity: 'error',
      from: { path: '^libs/partner-sdk/', pathNot: TESTS },
      to: { path: [NPM_PACKAGE('@nestjs/[^/]+', 'typeorm'), '^libs/(?!partner-sdk/)', '^apps/'] },
    },
    {
      name: 'entities-stay-in-feature',
      comment:
        'An entity belongs to its feature folder; other features call its service. Only the ' +
        "app's database/ folder (schema, migrations) and test/ may import it too.",
      severity: 'error',
      from: { path: '^(apps/[^/]+)/src/([^/]+)/', pathNot: '^apps/[^/]+/src/database/' },
      to: { path: '^$1/src/.+\\.entity\\.ts$', pathNot: '^$1/src/$2/' },
    },
    {
      name: 'entities-stay-in-feature',
      comment: 'The same for the files at the root of an app (module, main, config).',
      severity: 'error',
      from: { path: '^(apps/[^/]+)/src/[^/]+\\.ts$' },
      to: { path: '^$1/src/.+\\.entity\\.ts$' },
    },
    {
      name: 'controllers-no-typeorm',
      comment:
        'A controller makes one service call; repositories and transactions live in services.',
      severity: 'error',
      from: { path: '\\.controller\\.ts$' },
      to: { path: NPM_PACKAGE('typeorm', '@nestjs/typeorm') },
    },
    {
      name: 'no-circular',
      comment: 'A cycle between library modules breaks initialisation order and tree-shaking.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { circular: true },
    },
    {
      name: 'no-circular-in-apps',
      comment: 'Reported, not enforced: TypeORM relations may tie two entities of one feature.',
      severity: 'warn',
      from: { path: '^(apps|tools|bench)/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      comment: 'Only packages declared in package.json: a transitive one can vanish on any update.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-dev-dep',
      comment:
        'The runtime image installs with --omit=dev: service code must not need a devDependency.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: `${TESTS}|^libs/testing/` },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
