import { randomUUID } from 'node:crypto';
import { makeIdNumber, normalizeIdNumber, seededRandom } from '@gonghui/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '../db/client.js';
import type { Deps } from '../platform/deps.js';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英玉兰萍毅浩宇轩然欣怡子涵梓萱志强建华国庆海燕晓东春梅红霞立新文博';
// Jinan's district codes (GB/T 2260), so the demo's IDs look like the city's.
const ADDRESS_CODES = ['370102', '370103', '370104', '370105', '370112', '370113', '370114', '370115', '370116', '370117'];
const BATCH = 500;

/**
 * Fills the demo's base and joint unions with `total` members with valid IDs, skewed so a few
 * unions are large. Plain multi-row SQL: this is a bulk path.
 */
export async function seedDemoMembers(deps: Pick<Deps, 'db' | 'crypto'>, total: number, seed = 20261123): Promise<number> {
  const unions = rowsOf<{ id: string; unit: string | null }>(
    await deps.db.execute(
      sql`select o.id, (select w.id from work_units w where w.org_id = o.id order by w.name limit 1) as unit
          from orgs o where o.kind in ('base_union', 'joint_union') and o.status = 'active' order by o.name`,
    ),
  );
  if (unions.length === 0) return 0;
  const rnd = seededRandom(seed);
  const pick = <T>(xs: ArrayLike<T>) => xs[rnd.int(0, xs.length - 1)];
  // Zipf-like weights: the first unions get most members.
  const weights = unions.map((_, i) => 1 / (i + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const usedPhones = new Set<string>();
  let made = 0;
  for (let start = 0; start < total; start += BATCH) {
    const personsRows: SQL[] = [];
    const membershipRows: SQL[] = [];
    for (let i = start; i < Math.min(total, start + BATCH); i++) {
      let x = rnd.next() * sum;
      let u = 0;
      while (x > weights[u] && u < unions.length - 1) x -= weights[u++];
      const union = unions[u];
      const sex = rnd.next() < 0.5 ? 'male' : 'female';
      const birthDate = `${rnd.int(1965, 2003)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
      const idNumber = makeIdNumber({ birthDate, sex, addressCode: pick(ADDRESS_CODES), seq: rnd.int(0, 499) * 2 + (sex === 'male' ? 1 : 0) });
      let phone: string;
      do phone = `1${pick('3456789')}${String(rnd.int(0, 999_999_999)).padStart(9, '0')}`;
      while (usedPhones.has(phone));
      usedPhones.add(phone);
      const id = randomUUID();
      const name = pick(SURNAMES) + pick(GIVEN) + (rnd.next() < 0.6 ? pick(GIVEN) : '');
      personsRows.push(
        sql`(${id}, 'resident_id', ${deps.crypto.encrypt(idNumber)}, ${deps.crypto.blindIndex('id', normalizeIdNumber(idNumber))}, ${name}, ${sex}, ${birthDate}, ${deps.crypto.encrypt(phone)}, ${deps.crypto.blindIndex('phone', phone)}, ${rnd.next() < 0.2})`,
      );
      const r = rnd.next();
      const status = r < 0.04 ? 'retained' : r < 0.07 ? 'transferred_out' : r < 0.12 ? 'transferred_in' : 'joined';
      const joinedOn = `${rnd.int(2005, 2025)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
      membershipRows.push(sql`(${id}, ${union.id}, nextval('member_no_seq')::text, ${union.unit}, ${joinedOn}, ${status})`);
    }
    await deps.db.transaction(async (tx) => {
      // Duplicate IDs from the generator are skipped; their memberships go with them.
      await tx.execute(sql`insert into persons (id, id_type, id_number_enc, id_index, name, sex, birth_date, phone_enc, phone_index, migrant_worker)
        values ${sql.join(personsRows, sql`, `)} on conflict do nothing`);
      const res = await tx.execute(sql`insert into memberships (person_id, org_id, member_no, work_unit_id, joined_on, status)
        select v.person_id::uuid, v.org_id::uuid, v.member_no, v.work_unit_id::uuid, v.joined_on::date, v.status
        from (values ${sql.join(membershipRows, sql`, `)}) as v(person_id, org_id, member_no, work_unit_id, joined_on, status)
        where exists (select 1 from persons p where p.id = v.person_id::uuid)`);
      made += (res as { affectedRows?: number; rowCount?: number }).affectedRows ?? (res as { rowCount?: number }).rowCount ?? 0;
      await tx.execute(sql`insert into membership_events (membership_id, from_status, to_status, "on", reason)
        select m.id, null, m.status, coalesce(m.joined_on, current_date), '演示数据' from memberships m
        where not exists (select 1 from membership_events e where e.membership_id = m.id)`);
    });
  }
  return made;
}
