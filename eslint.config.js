// ESLint flat config: typescript-eslint's recommended rules over every TypeScript source and the
// JavaScript recommended rules over the build scripts. Type-aware rules are left out on purpose:
// they build a whole program per run (several times slower on two cores) and mostly repeat what
// `tsc --strict` with noUncheckedIndexedAccess already checks in `pnpm typecheck`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Lines of at most 120 characters, as Prettier (pnpm format; `pnpm lint` checks it) wraps them;
// strings, template literals, URLs and regular expressions may run over (Prettier cannot break
// them either). Comments are wrapped by hand.
const MAX_LEN = 'error';

const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'TextEncoder',
    'TextDecoder',
  ].map((g) => [g, 'readonly']),
);

export default tseslint.config(
  {
    // Built bundles, dependencies, caches, and the ajv validators generated ahead of time.
    ignores: [
      'dist/**',
      '**/node_modules/**',
      '.cache/**',
      'coverage/**',
      'packages/core/src/sbom/spdx-validators.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: nodeGlobals },
    rules: {
      // A leading underscore marks a parameter kept for an interface's shape (or a value
      // destructured away on purpose); everything else unused is an error.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
      'max-len': [
        MAX_LEN,
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  {
    // Tests poke at untyped JSON from registries and peers; `any` there is an honest type.
    files: ['**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
