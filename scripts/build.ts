/**
 * npm run build — the production build (Next standalone output, assembled), stamped so `npm start`
 * knows it is current. `-- --if-stale` builds only when the stamp says the sources changed.
 */
import { ensureProductionBuild } from './lib/standalone';
import { fail, ROOT } from './lib/paths';

ensureProductionBuild(ROOT, { force: !process.argv.includes('--if-stale') }).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
