import { join } from 'node:path';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { SmsGateway } from './modules/integrations/sms/sms.gateway.js';
import type { StatisticsRegistry } from './modules/integrations/statistics/statistics.registry.js';
import { StatisticsSimulator } from './modules/integrations/statistics/statistics.simulator.js';
import { createCrypto } from './platform/crypto.js';
import type { Deps } from './platform/deps.js';
import { FileVault } from './platform/files/file-vault.js';
import { startJobs } from './platform/jobs.js';

/** Wires the services' dependencies for one database: the server and the tests build them the same way. */
export async function createDeps(database: Database, config: Config, opts: { sms: SmsGateway; statistics?: StatisticsRegistry; now?: () => Date }): Promise<{ deps: Deps; stop(): Promise<void> }> {
  const jobs = await startJobs({ executeSql: database.executeSql });
  const deps: Deps = {
    db: database.db,
    executeSql: database.executeSql,
    jobs,
    files: new FileVault(join(config.dataDir, 'files'), config.keys),
    config,
    crypto: createCrypto(config.keys),
    sms: opts.sms,
    // Only the simulator exists so far; the real service will be chosen by configuration here.
    statistics: opts.statistics ?? new StatisticsSimulator(),
    now: opts.now ?? (() => new Date()),
  };
  return { deps, stop: () => jobs.stop() };
}
