// Lint rules for every TypeScript file; type-aware rules use each file's own tsconfig.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.build/',
      '.data/',
      '.wrangler/',
      'frontend/dist/',
      'worker-configuration.d.ts',
      'frontend/src/api/schema.d.ts',
      'migrations/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Plain JavaScript run by Node (before dependencies exist) or by workerd.
    files: ['**/*.mjs', 'ops/bench/*-worker.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', Response: 'readonly' } },
  },
);
