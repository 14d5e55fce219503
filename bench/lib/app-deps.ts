import type { Config } from '../../apps/server/src/config.js';
import type { Database } from '../../apps/server/src/db/client.js';
import type { SmsGateway } from '../../apps/server/src/modules/integrations/sms/sms.gateway.js';
import { createCrypto } from '../../apps/server/src/platform/crypto.js';
import type { Deps } from '../../apps/server/src/platform/deps.js';
import { createDeps } from '../../apps/server/src/runtime.js';

/** The app's dependencies wired exactly as the server wires them (jobs, file vault). */
export const appDeps = (database: Database, config: Config, sms: SmsGateway) => createDeps(database, config, { sms });

/** What the benchmark itself needs of deps (seeding, blind indexes, search filters): no jobs, no files. */
export function plainDeps(database: Database, config: Config, sms: SmsGateway): Deps {
  return { db: database.db, config, crypto: createCrypto(config.keys), sms, now: () => new Date() } as Deps;
}
