import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { baseConfig, randomKeys } from '../config.js';
import { seedDemo } from '../demo/seed.js';
import { SmsSimulator } from '../modules/integrations/sms/sms.simulator.js';
import { orgs } from '../modules/organisations/organisations.table.js';
import { recordAudit, verifyAuditChain } from '../platform/audit/audit.js';
import { createCrypto } from '../platform/crypto.js';
import { createDatabase } from './client.js';

/** README's backup for the embedded default: stop, copy the data folder, and the copy is a working database. */
const dir = mkdtempSync(join(tmpdir(), 'gh-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('restores a copied PGlite data folder with its data and an intact audit chain', async () => {
  const keys = randomKeys();
  const original = await createDatabase({ pgliteDir: join(dir, 'live') });
  const deps = { db: original.db, config: baseConfig({ keys }), crypto: createCrypto(keys), sms: new SmsSimulator(), now: () => new Date() };
  await seedDemo(deps);
  await original.db.transaction((tx) => recordAudit(tx, keys.auditKey, { accountId: null, username: 'backup-test', name: null, orgId: null, ip: null }, { action: 'org.updated' }));
  const [{ n }] = await original.db.select({ n: count() }).from(orgs);
  await original.close();

  cpSync(join(dir, 'live'), join(dir, 'restored'), { recursive: true });
  const restored = await createDatabase({ pgliteDir: join(dir, 'restored') });
  const [{ n: m }] = await restored.db.select({ n: count() }).from(orgs);
  expect(m).toBe(n);
  expect(m).toBeGreaterThan(10);
  expect(await verifyAuditChain(restored.db, keys.auditKey)).toMatchObject({ ok: true, checked: 1 });
  await restored.close();
});
