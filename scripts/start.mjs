// `npm start`: build the console and the member app when their sources are newer than their builds, then run the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_HEAP_FLAG } from './server-heap.mjs';

const root = new URL('..', import.meta.url).pathname;

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

for (const [name, label] of [
  ['admin', 'the admin console'],
  ['mobile', 'the member app'],
]) {
  const app = join(root, 'apps', name);
  const built = join(app, 'dist/index.html');
  const sources = Math.max(newest(join(app, 'src')), newest(join(root, 'packages/contracts/src')), statSync(join(app, 'index.html')).mtimeMs);
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    console.log(`Building ${label}…`);
    const r = spawnSync('npm', ['run', 'build', '--workspace', `apps/${name}`], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
const server = spawnSync(process.execPath, [SERVER_HEAP_FLAG, '--import', 'tsx', join(root, 'apps/server/src/main.ts')], { cwd: root, stdio: 'inherit' });
process.exit(server.status ?? 0);
