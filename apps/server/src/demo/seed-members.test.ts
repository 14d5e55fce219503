import { checkIdNumber } from '@gonghui/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rowsOf } from '../db/client.js';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../test/harness.js';
import { seedDemoMembers } from './seed-members.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

it('fills the demo unions with valid, unique, encrypted members, skewed towards a few large unions', async () => {
  const made = await seedDemoMembers(t.deps, 1500);
  expect(made).toBeGreaterThan(1450);
  const people = rowsOf<{ id_number_enc: string; birth_date: string; sex: string }>(await t.deps.db.execute(sql`select id_number_enc, birth_date::text, sex from persons`));
  for (const p of people.slice(0, 300)) {
    const r = checkIdNumber(t.deps.crypto.decrypt(p.id_number_enc), 'resident_id');
    expect(r.ok && r.birthDate === p.birth_date && r.sex === p.sex).toBe(true);
  }
  const sizes = rowsOf<{ n: number }>(await t.deps.db.execute(sql`select count(*)::int as n from memberships group by org_id order by 1 desc`)).map((r) => r.n);
  expect(sizes[0]).toBeGreaterThan(sizes[sizes.length - 1] * 5);
  const dupNos = rowsOf<{ n: number }>(await t.deps.db.execute(sql`select count(*)::int as n from (select member_no from memberships group by 1 having count(*) > 1) d`));
  expect(dupNos[0].n).toBe(0);
  // They are searchable like any member, through the API.
  const admin = await t.as('lixia_admin');
  const page = (await admin.get('/api/members?pageSize=100&status=joined')).json();
  expect(page.total).toBeGreaterThan(500);
  expect(page.items[0].idNumberMasked).toMatch(/^3701\*{10}/);
});
