// @ts-check
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const TS_FILES = ['apps/**/*.ts', 'libs/**/*.ts', 'tools/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'];
const TEST_FILES = ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'];

// Deep relative imports hide a dependency on another feature or package (STYLE.md §4.5, §4.6).
const NO_DEEP_RELATIVE = {
  regex: '^(\\.\\./){3,}',
  message: 'Relative import climbs more than two levels: import the library through @mrm/<lib>.',
};
// `baseUrl` makes `apps/...` and `libs/...` resolvable; libraries go through their @mrm alias.
const NO_BARE_ROOT = {
  regex: '^(apps|libs)/',
  message: 'Import libraries through @mrm/<lib>; never import another app.',
};

const FOCUS_OR_SKIP = ['describe', 'it', 'test'].flatMap((object) =>
  ['only', 'skip'].map((property) => ({
    object,
    property,
    message: `${object}.${property} must not be committed: tests run independently and all of them run.`,
  })),
);

export default defineConfig(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '**/*.js',
      '.nats-test/**',
      'tmp/**',
      'docs/**',
    ],
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    extends: [eslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2023,
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
      },
    },
  },
  {
    files: TS_FILES,
    extends: [eslint.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      'require-await': 'off',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
      // STYLE.md §4.5 wants a warning at 300 lines too, but warnings fail `--max-warnings 0`.
      'max-lines': ['error', { max: 500 }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-restricted-imports': ['error', { patterns: [NO_DEEP_RELATIVE, NO_BARE_ROOT] }],
      // Nest modules are classes with only decorators and static factories (`forRoot`).
      '@typescript-eslint/no-extraneous-class': 'off',
      // TypeORM types entity, subscriber and migration lists as `Function` (MixedList<Function | string>).
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_DEEP_RELATIVE,
            NO_BARE_ROOT,
            { group: ['**/apps/**'], message: 'A library must not depend on an app.' },
          ],
        },
      ],
    },
  },
  {
    files: TEST_FILES,
    rules: {
      'no-restricted-properties': ['error', ...FOCUS_OR_SKIP],
      'no-restricted-globals': [
        'error',
        ...['fdescribe', 'fit', 'xdescribe', 'xit', 'xtest'].map((name) => ({
          name,
          message: `${name} must not be committed: tests run independently and all of them run.`,
        })),
      ],
      // `expect(service.method).toHaveBeenCalled()` passes methods around unbound on purpose.
      '@typescript-eslint/unbound-method': 'off',
      // supertest's `res.body`, `getHttpServer()` and raw `em.query()` rows are `any` by design;
      // asserting on them is what a test does. Production code keeps the no-unsafe-* rules.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
