import { defineConfig } from 'prisma/config';

// Only `prisma generate`/`validate`/`format` use the Prisma CLI here. Migrations are applied and
// created by scripts/db-migrate.ts through Prisma's WebAssembly schema engine (works offline).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
