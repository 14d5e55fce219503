import type { Config } from '../config.js';
import type { Db, ExecuteSql } from '../db/client.js';
import type { SmsGateway } from '../modules/integrations/sms/sms.gateway.js';
import type { StatisticsRegistry } from '../modules/integrations/statistics/statistics.registry.js';
import type { Crypto } from './crypto.js';
import type { FileVault } from './files/file-vault.js';
import type { Jobs } from './jobs.js';

/** Everything a service needs, passed explicitly (no container). */
export interface Deps {
  db: Db;
  /** Raw SQL outside any transaction, for bulk paths (array parameters, COPY-like inserts). */
  executeSql: ExecuteSql;
  jobs: Jobs;
  /** Uploaded files, encrypted at rest. */
  files: FileVault;
  config: Config;
  crypto: Crypto;
  sms: SmsGateway;
  /** The statistics database (大统计库): unit lookup by name. */
  statistics: StatisticsRegistry;
  now: () => Date;
}
