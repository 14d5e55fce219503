import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { SmsGateway } from '../modules/integrations/sms/sms.gateway.js';
import type { Crypto } from './crypto.js';

/** Everything a service needs, passed explicitly (no container). */
export interface Deps {
  db: Db;
  config: Config;
  crypto: Crypto;
  sms: SmsGateway;
  now: () => Date;
}
