import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { makeOrgCode, makeUscc, seededRandom } from '@gonghui/contracts';
import type pg from 'pg';
import type { Keys } from '../../apps/server/src/config.js';
import { keysToJson } from './keys.js';
import type { MemberBatch, SeedWorkerInit } from './seed-worker.js';

export interface SeedOptions {
  /** Base (and joint) unions in all, the demo's included. */
  unions: number;
  members: number;
  /** Zipf exponent of union sizes: weight of the r-th union is 1 / r^zipf. */
  zipf: number;
  seed: number;
  keys: Keys;
  log: (line: string) => void;
}

const STREETS_PER_DISTRICT = 20;
const CHUNK = 5000;
const INDUSTRIES = ['制造业', '建筑业', '批发和零售业', '交通运输、仓储和邮政业', '住宿和餐饮业', '信息传输、软件和信息技术服务业', '房地产业', '租赁和商务服务业'];
const WORDS = '泉城历山趵突千佛华山鹊山明湖舜耕燕山龙洞黄河济水泺源经纬长清章丘莱芜平阴商河济阳';

const ms = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

/**
 * Grows the demo federation to `unions` base unions under new streets of each district, all in
 * one statement from arrays (paths need the ids, so they are made here).
 */
async function seedUnions(pool: pg.Pool, o: SeedOptions): Promise<number> {
  const rnd = seededRandom(o.seed);
  const { rows: districts } = await pool.query<{ id: string; path: string; depth: number; name: string }>(
    `select id, path, depth, name from orgs where kind = 'district_federation' order by name`,
  );
  const { rows: [{ n: existing }] } = await pool.query<{ n: number }>(`select count(*)::int as n from orgs where kind in ('base_union', 'joint_union')`);
  const cols = { id: [] as string[], parent: [] as string[], path: [] as string[], depth: [] as number[], kind: [] as string[], name: [] as string[],
    code: [] as string[], uscc: [] as string[], type: [] as (string | null)[], founded: [] as string[], chair: [] as string[], headcount: [] as (number | null)[] };
  let serial = 0;
  const add = (parent: { id: string; path: string; depth: number }, kind: string, name: string) => {
    const id = randomUUID();
    const body = String(50_000_000 + ++serial);
    cols.id.push(id);
    cols.parent.push(parent.id);
    cols.path.push(`${parent.path}${id}/`);
    cols.depth.push(parent.depth + 1);
    cols.kind.push(kind);
    cols.name.push(name);
    cols.code.push(makeOrgCode(body));
    cols.uscc.push(makeUscc(`81370100${body}9`));
    cols.type.push(kind === 'base_union' ? 'single' : null);
    cols.founded.push(`${rnd.int(1990, 2024)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`);
    cols.chair.push('王李张刘陈杨黄赵'[rnd.int(0, 7)] + '主席');
    cols.headcount.push(kind === 'base_union' ? rnd.int(10, 3000) : null);
    return { id, path: `${parent.path}${id}/`, depth: parent.depth + 1 };
  };
  const streets = districts.flatMap((d) =>
    Array.from({ length: STREETS_PER_DISTRICT }, (_, i) => add(d, 'street_union', `${d.name.replace('总工会', '')}第${i + 1}街道总工会`)),
  );
  const toAdd = Math.max(0, o.unions - existing);
  for (let i = 0; i < toAdd; i++) {
    const w = () => WORDS[rnd.int(0, WORDS.length - 1)];
    add(streets[i % streets.length], 'base_union', `济南${w()}${w()}${INDUSTRIES[i % INDUSTRIES.length].slice(0, 2)}有限公司第${i + 1}分公司工会`);
  }
  await pool.query(
    `insert into orgs (id, parent_id, path, depth, kind, name, org_code, uscc, base_union_type, founded_on, chair_name, headcount, merged_union, address)
     select t.id, t.parent, t.path, t.depth, t.kind, t.name, t.code, t.uscc, t.type, t.founded, t.chair, t.headcount,
            case when t.kind = 'base_union' then false end, '山东省济南市' || left(t.name, 6) || '办公楼'
     from unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::date[], $11::text[], $12::int[])
       as t(id, parent, path, depth, kind, name, code, uscc, type, founded, chair, headcount)`,
    [cols.id, cols.parent, cols.path, cols.depth, cols.kind, cols.name, cols.code, cols.uscc, cols.type, cols.founded, cols.chair, cols.headcount],
  );
  // One work unit (单位) per new union, named after it.
  await pool.query(
    `insert into work_units (org_id, name, org_code, nature, economic_type, industry, headcount, migrant_headcount, collective_bargaining)
     select o.id, replace(o.name, '工会', ''), o.org_code, '企业', '有限责任公司', '制造业', o.headcount, o.headcount / 5, o.headcount > 100
     from orgs o where o.kind = 'base_union' and not exists (select 1 from work_units w where w.org_id = o.id)`,
  );
  return toAdd;
}

/** Secondary indexes of the member tables, dropped for the bulk load and rebuilt from their own definitions after. */
async function secondaryIndexes(pool: pg.Pool): Promise<{ name: string; def: string }[]> {
  const { rows } = await pool.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
     where i.schemaname = 'public' and i.tablename in ('persons', 'memberships')
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  return rows;
}

function startWorkers(n: number, init: SeedWorkerInit): Worker[] {
  const file = new URL('./seed-worker.ts', import.meta.url).href;
  // Worker threads do not inherit tsx's loader; the eval'd stub loads the TypeScript file through it.
  return Array.from({ length: n }, () => new Worker(
    `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(file)}, ${JSON.stringify(import.meta.url)}))`,
    { eval: true, workerData: init },
  ));
}

function generate(w: Worker, start: number, count: number): Promise<MemberBatch> {
  return new Promise((resolve, reject) => {
    const onMessage = (b: MemberBatch) => { w.off('error', onError); resolve(b); };
    const onError = (e: Error) => { w.off('message', onMessage); reject(e); };
    w.once('message', onMessage);
    w.once('error', onError);
    w.postMessage({ start, count });
  });
}

async function insertBatch(client: pg.PoolClient, b: MemberBatch, unions: { id: string; unit: string | null }[]) {
  await client.query(
    `insert into persons (id, id_type, id_number_enc, id_index, name, sex, birth_date, phone_enc, phone_index, migrant_worker)
     select t.id, 'resident_id', t.e, t.ix, t.n, t.s, t.b, t.pe, t.pi, t.mw
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::bool[]) as t(id, e, ix, n, s, b, pe, pi, mw)`,
    [b.id, b.idNumberEnc, b.idIndex, b.name, b.sex, b.birthDate, b.phoneEnc, b.phoneIndex, b.migrant],
  );
  const org: string[] = [];
  const unit: (string | null)[] = [];
  for (const u of b.union) {
    org.push(unions[u].id);
    unit.push(unions[u].unit);
  }
  await client.query(
    `insert into memberships (person_id, org_id, member_no, work_unit_id, joined_on, status)
     select t.p, t.o, nextval('member_no_seq')::text, t.w, t.j, t.s
     from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[], $5::text[]) as t(p, o, w, j, s)`,
    [b.id, org, unit, b.joinedOn, b.status],
  );
}

/** Adds unions and members to a database that already holds the demo federation; returns what it made. */
export async function seedBench(pool: pg.Pool, o: SeedOptions) {
  let t = performance.now();
  const added = await seedUnions(pool, o);
  o.log(`  unions: +${added} base unions under ${STREETS_PER_DISTRICT} new streets per district (${ms(t)})`);

  const { rows: unions } = await pool.query<{ id: string; unit: string | null }>(
    `select o.id, (select w.id from work_units w where w.org_id = o.id order by w.name limit 1) as unit
     from orgs o where o.kind in ('base_union', 'joint_union') and o.status = 'active' order by md5(o.org_code)`,
  );
  // In an order that looks random but is the same every run (codes are made in order): the big
  // unions land anywhere in the tree, and in the same place each time.
  const cumulative = new Float64Array(unions.length);
  let sum = 0;
  for (let r = 0; r < unions.length; r++) cumulative[r] = sum += 1 / (r + 1) ** o.zipf;
  for (let r = 0; r < unions.length; r++) cumulative[r] /= sum;

  t = performance.now();
  const indexes = await secondaryIndexes(pool);
  for (const ix of indexes) await pool.query(`drop index ${ix.name}`);
  const workers = startWorkers(2, { keys: keysToJson(o.keys), seed: o.seed, cumulative });
  let nextStart = 0;
  let done = 0;
  const take = () => {
    if (nextStart >= o.members) return null;
    const start = nextStart;
    nextStart += CHUNK;
    return { start, count: Math.min(CHUNK, o.members - start) };
  };
  try {
    await Promise.all(
      workers.map(async (w) => {
        const client = await pool.connect();
        try {
          // Foreign keys are skipped while loading rows this code made consistent (superuser only).
          await client.query(`set session_replication_role = replica; set synchronous_commit = off`);
          let job = take();
          let pending = job ? generate(w, job.start, job.count) : null;
          while (pending) {
            const batch = await pending;
            job = take();
            pending = job ? generate(w, job.start, job.count) : null;
            await insertBatch(client, batch, unions);
            done += batch.id.length;
            if (done % 100_000 < CHUNK) o.log(`  members: ${done} (${ms(t)})`);
          }
        } finally {
          await client.query(`reset session_replication_role; reset synchronous_commit`);
          client.release();
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  o.log(`  members: ${done} loaded (${ms(t)})`);
  t = performance.now();
  // Two builds at a time: one per core.
  const queue = [...indexes];
  await Promise.all([0, 1].map(async () => {
    const client = await pool.connect();
    try {
      await client.query(`set maintenance_work_mem = '256MB'`);
      for (let ix = queue.shift(); ix; ix = queue.shift()) await client.query(ix.def);
    } finally {
      await client.query(`reset maintenance_work_mem`);
      client.release();
    }
  }));
  o.log(`  indexes: ${indexes.length} rebuilt (${ms(t)})`);
  t = performance.now();
  await pool.query(`vacuum (analyze) orgs, work_units, persons, memberships`);
  o.log(`  vacuum analyze (${ms(t)})`);
  return { unionsAdded: added, members: done };
}
