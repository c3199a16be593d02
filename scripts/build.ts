/** npm run build — the production build, stamped so `npm start` knows it is current. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { writeBuildStamp } from './lib/build-stamp';
import { fail, ROOT } from './lib/paths';

const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
});
if (result.status !== 0) fail('the build failed');
writeBuildStamp(ROOT);
