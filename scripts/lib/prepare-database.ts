import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createPrismaClient } from '../../lib/db';
import { hashPassword } from '../../lib/auth/password';
import { DEMO_USER, seedDemoTeam } from '../../lib/seed/demo';
import { checkDatabase } from './database-url';
import { applyMigrations } from './migrations';

export interface PreparedDatabase {
  applied: string[];
  seeded: boolean;
}

/**
 * Everything a database needs before the app serves it: reachable, migrated, and on first run
 * (no team at all) the demo team. Safe to run on every start.
 */
export async function prepareDatabase(url: string, root: string, options: { seedDemo: boolean }): Promise<PreparedDatabase> {
  await checkDatabase(url);
  const applied = await applyMigrations(url, root);
  if (!options.seedDemo) return { applied, seeded: false };
  const db = createPrismaClient(url, { poolMax: 2 });
  try {
    if ((await db.team.count()) > 0) return { applied, seeded: false };
    const result = await seedDemoTeam(db, { passwordHash: await hashPassword(DEMO_USER.password) });
    return { applied, seeded: result.created };
  } finally {
    await db.$disconnect();
  }
}

/** AUTH_SECRET from the environment, else one generated once and kept in the data folder. */
export function authSecret(root: string): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(root, '.hindsight/auth-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
