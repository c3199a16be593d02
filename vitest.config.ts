import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  // 'server-only' throws outside React Server Components; domain modules are plain Node in tests.
  'server-only': path.resolve(import.meta.dirname, 'scripts/testing/empty-module.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['{lib,app,components,scripts}/**/*.test.ts'], exclude: ['**/*.int.test.ts', 'node_modules/**'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['{lib,app,scripts}/**/*.int.test.ts'],
          environment: 'node',
          globalSetup: ['scripts/testing/global-setup.ts'],
          setupFiles: ['scripts/testing/integration-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
