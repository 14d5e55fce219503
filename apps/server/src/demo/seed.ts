import { randomUUID } from 'node:crypto';
import { makeOrgCode, makeUscc, roleLabels, type OrgKind, type Role } from '@gonghui/contracts';
import { count } from 'drizzle-orm';
import { accounts, posts } from '../modules/accounts/accounts.table.js';
import { orgs, workUnits } from '../modules/organisations/organisations.table.js';
import type { Deps } from '../platform/deps.js';
import { hashPassword } from '../platform/passwords.js';

/** The seeded default password (seed 001); every account holding it must change it at first login. */
export const DEMO_PASSWORD = 'gh123456';

interface OrgSpec {
  kind: OrgKind;
  name: string;
  chair?: string;
  units?: { name: string; economicType: string; industry: string; headcount: number }[];
  children?: OrgSpec[];
  logins?: { username: string; name: string; role: Role }[];
}

const base = (name: string, chair: string, industry: string, headcount: number, logins?: OrgSpec['logins']): OrgSpec => ({
  kind: 'base_union',
  name: `${name}工会`,
  chair,
  units: [{ name, economicType: '有限责任公司', industry, headcount }],
  logins,
});

/** A small Jinan federation: the city, districts, an industry union, streets, base and joint unions. */
export const demoTree: OrgSpec = {
  kind: 'city_federation',
  name: '济南市总工会',
  chair: '王建国',
  logins: [
    { username: 'city_admin', name: '市总业务管理员', role: 'operator' },
    { username: 'city_security', name: '市总安全管理员', role: 'security_admin' },
    { username: 'city_audit', name: '市总审计管理员', role: 'audit_admin' },
  ],
  children: [
    {
      kind: 'district_federation',
      name: '历下区总工会',
      chair: '李明',
      logins: [{ username: 'lixia_admin', name: '历下区业务管理员', role: 'operator' }],
      children: [
        {
          kind: 'street_union',
          name: '泉城路街道总工会',
          chair: '赵丽',
          // Street unions review their base unions' submissions (transfers, filings, activities, enrolments).
          logins: [{ username: 'quanchenglu_admin', name: '泉城路街道工会经办人', role: 'operator' }],
          children: [
            base('济南泉城软件有限公司', '张闻', '信息传输、软件和信息技术服务业', 120, [{ username: 'quancheng_admin', name: '泉城软件工会经办人', role: 'operator' }]),
            base('济南明湖餐饮管理有限公司', '孙红', '住宿和餐饮业', 85),
            {
              kind: 'joint_union',
              name: '泉城路街道芙蓉街联合工会',
              chair: '周强',
              units: [
                { name: '济南芙蓉街文化传播有限公司', economicType: '私营企业', industry: '文化、体育和娱乐业', headcount: 18 },
                { name: '济南曲水亭茶社', economicType: '个体经营', industry: '住宿和餐饮业', headcount: 9 },
                { name: '济南百花洲手工艺品店', economicType: '个体经营', industry: '批发和零售业', headcount: 6 },
              ],
            },
          ],
        },
        {
          kind: 'street_union',
          name: '大明湖街道总工会',
          chair: '钱芳',
          children: [base('山东明湖建设工程有限公司', '吴刚', '建筑业', 260), base('济南大明湖物业服务有限公司', '郑敏', '房地产业', 140)],
        },
      ],
    },
    {
      kind: 'district_federation',
      name: '市中区总工会',
      chair: '陈涛',
      logins: [{ username: 'shizhong_admin', name: '市中区业务管理员', role: 'operator' }],
      children: [
        {
          kind: 'street_union',
          name: '大观园街道总工会',
          chair: '冯雪',
          logins: [{ username: 'daguanyuan_street_admin', name: '大观园街道工会经办人', role: 'operator' }],
          children: [
            base('济南大观园商业管理有限公司', '褚亮', '租赁和商务服务业', 75, [{ username: 'daguanyuan_admin', name: '大观园商管工会经办人', role: 'operator' }]),
            base('山东经四路医药连锁有限公司', '卫东', '批发和零售业', 310)],
        },
      ],
    },
    {
      kind: 'district_federation',
      name: '槐荫区总工会',
      chair: '蒋文',
      children: [
        {
          kind: 'street_union',
          name: '段店北路街道总工会',
          chair: '沈洁',
          children: [base('济南西站物流有限公司', '韩冰', '交通运输、仓储和邮政业', 430), base('山东槐荫机械制造有限公司', '杨帆', '制造业', 680)],
        },
      ],
    },
    {
      kind: 'industry_union',
      name: '济南市交通运输产业工会',
      chair: '朱军',
      children: [base('济南公交集团第一分公司', '秦岭', '交通运输、仓储和邮政业', 1500), base('济南长途汽车客运有限公司', '尤佳', '交通运输、仓储和邮政业', 520)],
    },
  ],
};

export interface DemoLogin {
  username: string;
  password: string;
  role: string;
}

/** Creates the demo federation once; returns the logins it made, or null when data already exists. */
export async function seedDemo(deps: Pick<Deps, 'db'>, tree: OrgSpec = demoTree): Promise<DemoLogin[] | null> {
  const [{ n }] = await deps.db.select({ n: count() }).from(orgs);
  if (n > 0) return null;
  const hash = await hashPassword(DEMO_PASSWORD);
  const logins: DemoLogin[] = [];
  let serial = 0;
  await deps.db.transaction(async (tx) => {
    const walk = async (spec: OrgSpec, parent: { id: string; path: string; depth: number } | null) => {
      const id = randomUUID();
      serial++;
      const body = String(37010000 + serial * 7).slice(0, 8);
      const me = { id, path: `${parent?.path ?? '/'}${id}/`, depth: (parent?.depth ?? -1) + 1 };
      await tx.insert(orgs).values({
        id,
        parentId: parent?.id ?? null,
        path: me.path,
        depth: me.depth,
        kind: spec.kind,
        name: spec.name,
        orgCode: makeOrgCode(body),
        uscc: makeUscc(`81370100${body}9`),
        foundedOn: `20${String(10 + (serial % 14)).padStart(2, '0')}-0${1 + (serial % 9)}-1${serial % 10}`,
        baseUnionType: spec.kind === 'base_union' ? 'single' : spec.kind === 'joint_union' ? 'joint' : null,
        chairName: spec.chair ?? null,
        phone: `0531-8${String(1000000 + serial * 7919).slice(0, 7)}`,
        headcount: spec.units?.reduce((s, u) => s + u.headcount, 0) ?? null,
        address: `山东省济南市${spec.name.slice(0, 6)}办公楼`,
        mergedUnion: spec.kind === 'base_union' ? false : null,
      });
      for (const [i, u] of (spec.units ?? []).entries()) {
        const ub = String(91370100 + serial * 31 + i).slice(0, 8);
        await tx.insert(workUnits).values({
          orgId: id,
          name: u.name,
          uscc: makeUscc(`91370100${ub}X`.slice(0, 17)),
          orgCode: makeOrgCode(ub),
          nature: '企业',
          economicType: u.economicType,
          industry: u.industry,
          chairName: spec.chair ?? null,
          phone: `1380531${String(1000 + serial * 13 + i).slice(-4)}`,
          address: `山东省济南市${u.name.slice(2, 6)}路${10 + i}号`,
          collectiveBargaining: u.headcount > 100,
          headcount: u.headcount,
          migrantHeadcount: Math.floor(u.headcount / 5),
        });
      }
      for (const l of spec.logins ?? []) {
        const [acc] = await tx
          .insert(accounts)
          .values({ username: l.username, name: l.name, passwordHash: hash, mustChangePassword: true })
          .returning({ id: accounts.id });
        await tx.insert(posts).values({ accountId: acc.id, orgId: id, role: l.role });
        logins.push({ username: l.username, password: DEMO_PASSWORD, role: `${spec.name} · ${roleLabels[l.role]}` });
      }
      for (const c of spec.children ?? []) await walk(c, me);
    };
    await walk(tree, null);
  });
  return logins;
}
