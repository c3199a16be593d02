import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Everything next build reads, and what ensureProductionBuild adds to the standalone folder.
const INPUTS = ['app', 'components', 'lib', 'public', 'prisma/schema.prisma', 'prisma/migrations', 'proxy.ts', 'instrumentation.ts', 'instrumentation-client.ts', 'next.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json', 'scripts/deploy', 'scripts/lib/standalone.ts'];
const SKIP = new Set(['node_modules', '.next']);
const STAMP = '.next/hindsight-build-stamp';

function walk(root: string, rel: string, out: string[]): void {
  const full = path.join(root, rel);
  if (!fs.existsSync(full)) return;
  const stat = fs.statSync(full);
  if (stat.isFile()) {
    if (!/\.test\.tsx?$/.test(rel)) out.push(rel);
    return;
  }
  for (const entry of fs.readdirSync(full).sort()) if (!SKIP.has(entry)) walk(root, path.join(rel, entry), out);
}

/** Content hash of everything the production build depends on. */
export function sourceFingerprint(root: string): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(root, input, files);
  const h = crypto.createHash('sha256');
  for (const f of files) h.update(f).update('\0').update(fs.readFileSync(path.join(root, f))).update('\0');
  return h.digest('hex');
}

export function buildIsCurrent(root: string): boolean {
  const stamp = path.join(root, STAMP);
  return fs.existsSync(path.join(root, '.next/BUILD_ID')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === sourceFingerprint(root);
}

export function writeBuildStamp(root: string): void {
  fs.writeFileSync(path.join(root, STAMP), sourceFingerprint(root));
}
