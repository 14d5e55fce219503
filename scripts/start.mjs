// `npm start`: build the console, the member app and the merchant app when their sources are newer than their builds, then run the server.
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

// apps/mobile builds two apps: the member app (dist) and the merchant app (dist-merchant).
for (const [name, label, outputs] of [
  ['admin', 'the admin console', ['dist/index.html']],
  ['mobile', 'the member and merchant apps', ['dist/index.html', 'dist-merchant/index.html']],
]) {
  const app = join(root, 'apps', name);
  const merchantHtml = join(app, 'merchant/index.html');
  const sources = Math.max(
    newest(join(app, 'src')),
    newest(join(root, 'packages/contracts/src')),
    statSync(join(app, 'index.html')).mtimeMs,
    existsSync(merchantHtml) ? statSync(merchantHtml).mtimeMs : 0,
  );
  if (outputs.some((o) => !existsSync(join(app, o)) || statSync(join(app, o)).mtimeMs < sources)) {
    console.log(`Building ${label}…`);
    const r = spawnSync('npm', ['run', 'build', '--workspace', `apps/${name}`], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
const server = spawnSync(process.execPath, [SERVER_HEAP_FLAG, '--import', 'tsx', join(root, 'apps/server/src/main.ts')], { cwd: root, stdio: 'inherit' });
process.exit(server.status ?? 0);
