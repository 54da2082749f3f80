// ESLint: typescript-eslint's type-checked rules for TypeScript, eslint-plugin-astro for
// components. `npm run lint` runs it with Prettier's check and knip (unused files and exports).
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.test-dist/',
      '.astro/',
      'node_modules/',
      'public/',
      'test/fixtures/',
      '.scratch/',
      '.bench/',
      'coverage/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      // French strings hold narrow no-break spaces on purpose (before : ; ? !), and the text
      // checks match control characters on purpose: both rules would flag exactly that.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true, skipJSXText: true },
      ],
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  // The layers of CONTRIBUTING.md's "Where code lives", so an import that breaks them fails lint.
  {
    files: ['src/**/*.ts', 'src/**/*.astro'],
    ignores: ['src/integrations/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/integrations/*'],
              message:
                'Only astro.config.mjs loads the integrations: move what pages or the middleware share with them to src/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/lib/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'astro:*', '**/*-fs.ts', '**/integrations/*'],
              message:
                'src/lib is pure TypeScript shared with the browser and the CLI: Node-only code goes in src/*-fs.ts or scripts/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The schemas use these for their messages and market checks; the rest of src/lib uses the schemas.
    files: ['src/lib/i18n/locales.ts', 'src/lib/i18n/validator*.ts', 'src/lib/market.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'astro:*', '**/*-fs.ts', '**/integrations/*', '**/schemas/*'],
              message:
                'src/schemas imports this module: it must not import the schemas back (no import cycle), nor Node-only code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/test/**'], message: 'Scripts ship to users: they never import test code.' }] },
      ],
    },
  },
  // Components and plain JS files are checked without type information.
  { files: ['**/*.astro', '**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
);
