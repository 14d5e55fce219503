import { existsSync } from 'node:fs';
import type { Config } from '../../apps/server/src/config.js';
import type { Database } from '../../apps/server/src/db/client.js';
import type { SmsGateway } from '../../apps/server/src/modules/integrations/sms/sms.gateway.js';
import { createCrypto } from '../../apps/server/src/platform/crypto.js';
import type { Deps } from '../../apps/server/src/platform/deps.js';

/**
 * The app's dependencies wired as the server wires them: through runtime.ts's createDeps where
 * the server has it (jobs, file vault), else the plain object older servers took.
 */
export async function appDeps(database: Database, config: Config, sms: SmsGateway): Promise<{ deps: Deps; stop(): Promise<void> }> {
  const runtime = new URL('../../apps/server/src/runtime.ts', import.meta.url);
  if (existsSync(runtime)) {
    const m = (await import(runtime.href)) as { createDeps(d: Database, c: Config, o: { sms: SmsGateway }): Promise<{ deps: Deps; stop(): Promise<void> }> };
    return m.createDeps(database, config, { sms });
  }
  return { deps: { db: database.db, config, crypto: createCrypto(config.keys), sms, now: () => new Date() } as Deps, stop: async () => {} };
}

/** What the benchmark itself needs of deps (seeding, blind indexes): no jobs, no files. */
export function plainDeps(database: Database, config: Config, sms: SmsGateway): Deps {
  return { db: database.db, config, crypto: createCrypto(config.keys), sms, now: () => new Date() } as Deps;
}
