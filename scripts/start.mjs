// `npm start`: build the console when its sources are newer than the build, then run the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_HEAP_FLAG } from './server-heap.mjs';

const root = new URL('..', import.meta.url).pathname;
const admin = join(root, 'apps/admin');
const built = join(admin, 'dist/index.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = Math.max(newest(join(admin, 'src')), newest(join(root, 'packages/contracts/src')), statSync(join(admin, 'index.html')).mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Building the admin console…');
  const r = spawnSync('npm', ['run', 'build', '--workspace', 'apps/admin'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const server = spawnSync(process.execPath, [SERVER_HEAP_FLAG, '--import', 'tsx', join(root, 'apps/server/src/main.ts')], { cwd: root, stdio: 'inherit' });
process.exit(server.status ?? 0);
