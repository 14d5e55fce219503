// `npm run audit:verify`: walks the audit chain of the configured database and exits non-zero if broken.
import { loadConfig } from '../config.js';
import { createDatabase } from '../db/client.js';
import { verifyAuditChain } from '../platform/audit/audit.js';

const config = loadConfig();
const database = await createDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
const verdict = await verifyAuditChain(database.db, config.keys.auditKey);
console.log(verdict.ok ? `审计链完整：已校验 ${verdict.checked} 条记录` : `审计链异常：${verdict.reason}`);
await database.close();
process.exit(verdict.ok ? 0 : 1);
