import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { createDatabase } from './db/client.js';
import { seedDemo } from './demo/seed.js';
import { seedDemoMembers } from './demo/seed-members.js';
import { seedMutualAidPlan } from './modules/mutual-aid/index.js';
import { seedDemoWelfare } from './demo/seed-welfare.js';
import { SmsSimulator } from './modules/integrations/sms/sms.simulator.js';
import { createDeps } from './runtime.js';

const config = loadConfig();
const database = await createDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
const { deps, stop } = await createDeps(database, config, { sms: new SmsSimulator() });

if (config.demoSeed) {
  const logins = await seedDemo(deps);
  if (logins) {
    console.log('\n演示联合会已创建 / Demo federation created. Demo logins (初始密码首次登录须修改 / change at first login):');
    for (const l of logins) console.log(`  ${l.username.padEnd(18)} ${l.password}   ${l.role}`);
    console.log('  (市总工会的账号为平台运营岗位，改密后还须绑定身份验证器 / city federation accounts must also enrol TOTP)');
    const started = Date.now();
    const members = await seedDemoMembers(deps, config.demoMembers);
    console.log(`演示会员 ${members} 名已生成 / ${members} demo members with valid IDs (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    const welfare = await seedDemoWelfare(deps);
    console.log('普惠活动演示数据已创建 / Demo welfare: a merchant, an enabled coupon and an approved open activity. Merchant login:');
    console.log(`  ${welfare.phone.padEnd(18)} ${welfare.password}   ${welfare.role}`);
  } else {
    console.log('Demo federation already present (demo logins: see README).');
  }
  // This year's mutual-aid plan, so units can enrol at once (idempotent: an existing plan is kept).
  await seedMutualAidPlan(deps);
}

const app = await buildApp(deps);
await app.listen({ port: config.port, host: config.host });
console.log(`\n工会网上工作平台 is up: http://localhost:${config.port}/  (API docs: /docs, database: ${database.kind})`);

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, async () => {
    await app.close();
    await stop();
    await database.close();
    process.exit(0);
  });
}
