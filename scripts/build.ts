/** npm run build — the production build (Next standalone output, assembled), stamped so `npm start` knows it is current. */
import { ensureProductionBuild } from './lib/standalone';
import { fail, ROOT } from './lib/paths';

ensureProductionBuild(ROOT, { force: true }).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
