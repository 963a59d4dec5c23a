// Two Jest projects over every app and lib: `unit` (*.spec.ts, no services needed) and `e2e`
// (*.e2e-spec.ts, against the real PostgreSQL and NATS; see libs/testing). Each e2e file uses its
// own database and NATS namespace, so files run in parallel safely.
// `npx jest --selectProjects unit` runs the unit specs alone.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools', '<rootDir>/test'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
    },
  ],
  testTimeout: 60000,
  maxWorkers: 2,
  // A worker exits once its last file's NATS and pg sockets have finished closing; on two loaded
  // cores that took longer than Jest's 500 ms, which force-killed it with a "failed to exit" warning.
  workerGracefulExitTimeout: 5000,
};
