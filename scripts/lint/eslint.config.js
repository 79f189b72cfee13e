// ESLint for the whole project: `npm run lint` (which also checks the formatting with
// Prettier). Kept under scripts/ because the project's top level is fixed; `npm run lint`
// passes it with `--config`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const MAP_ONLY =
  'Only src/map/ may import maplibre-gl: React components and the store never touch the map (they call store actions, and src/map/ follows the store).';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.bench/', 'tests/browser/baselines/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/map/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'maplibre-gl', message: MAP_ONLY }],
          patterns: [{ group: ['maplibre-gl/*'], message: MAP_ONLY }],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'tests/**/*.{ts,tsx}', 'vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
