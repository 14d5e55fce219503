// The real app in its own process (forked by the benchmark), so the load generator does not share
// its event loop. Production-like: info-level request logs (to stdout, which the parent discards).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../apps/server/src/app.js';
import { baseConfig } from '../../apps/server/src/config.js';
import { createDatabase } from '../../apps/server/src/db/client.js';
import { SmsSimulator } from '../../apps/server/src/modules/integrations/sms/sms.simulator.js';
import { appDeps } from './app-deps.js';
import { keysFromJson, type KeysJson } from './keys.js';

const { databaseUrl, keys, poolMax } = JSON.parse(process.env.BENCH_SERVER!) as { databaseUrl: string; keys: KeysJson; poolMax?: number };
const dataDir = mkdtempSync(join(tmpdir(), 'gh-bench-'));
const config = baseConfig({
  env: 'production',
  dataDir,
  databaseUrl,
  keys: keysFromJson(keys),
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
  // Sixteen clients share one loopback address; per-address limits would answer 429 (they are
  // meant for people and robots, not for this load).
  rateLimits: { global: 1_000_000_000, login: 1000, sms: 10 },
});
const database = await createDatabase({ databaseUrl, poolMax });
const { deps, stop } = await appDeps(database, config, new SmsSimulator());
const app = await buildApp(deps);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
// The benchmark asks for this process's CPU time around each run (CPU per request, whatever else the machine does).
process.on('message', (m: { cpu?: boolean }) => {
  if (m?.cpu) process.send!({ cpu: process.cpuUsage() });
});

process.on('SIGTERM', async () => {
  await app.close();
  await stop();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
