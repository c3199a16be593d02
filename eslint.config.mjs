import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', 'lib/generated/**', '.hindsight/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Remote font loaders fail offline; the app uses the system font stack.
      'no-restricted-imports': ['error', { patterns: [{ group: ['next/font/*'], message: 'The app must build and run offline: use system fonts.' }] }],
    },
  },
  {
    // Input schemas build strings with pgText(): PostgreSQL text cannot hold a NUL, and a plain
    // z.string() lets one through to a failed query (a 500; the fuzzers found 13 such).
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', 'lib/pg-text.ts', 'lib/env.ts', 'lib/api/openapi/responses.ts', 'lib/query-params.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name='z'][callee.property.name='string']", message: 'Use pgText() from @/lib/pg-text for input strings (it refuses a NUL with a field error).' }],
    },
  },
];

export default config;
