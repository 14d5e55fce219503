// Generates members in a worker thread: encrypting a million ID numbers and phones is most of the
// seed's CPU time, so two threads share it while PostgreSQL ingests the previous batch.
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { checkIdNumber, makeIdNumber, normalizeIdNumber, seededRandom } from '@gonghui/contracts';
import { createCrypto } from '../../apps/server/src/platform/crypto.js';
import { keysFromJson, type KeysJson } from './keys.js';

export interface SeedWorkerInit {
  keys: KeysJson;
  seed: number;
  /** Cumulative Zipf weights over the unions (normalised to 1). */
  cumulative: Float64Array;
}

export interface MemberBatch {
  start: number;
  id: string[];
  idNumberEnc: string[];
  idIndex: string[];
  name: string[];
  sex: string[];
  birthDate: string[];
  phoneEnc: string[];
  phoneIndex: string[];
  migrant: boolean[];
  union: Int32Array;
  joinedOn: string[];
  status: string[];
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英玉兰萍毅浩宇轩然欣怡子涵梓萱志强建华国庆海燕晓东春梅红霞立新文博';
const ADDRESS_CODES = ['370102', '370103', '370104', '370105', '370112', '370113', '370114', '370115', '370116', '370117'];
const DAY0 = Date.UTC(1965, 0, 1);
const DAYS = 14_245; // 1965-01-01 … 2003-12-31
// Person i gets tuple (i * P + OFF) mod N: a bijection, so ID numbers and phones never repeat.
const ID_SPACE = ADDRESS_CODES.length * DAYS * 1000;
const PHONE_SPACE = 7 * 1_000_000_000;

const init = workerData as SeedWorkerInit;
const crypto = createCrypto(keysFromJson(init.keys));
const cumulative = init.cumulative;

function unionOf(x: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function generate(start: number, count: number): MemberBatch {
  const rnd = seededRandom(init.seed + start);
  const pick = (s: string) => s[rnd.int(0, s.length - 1)];
  const b: MemberBatch = {
    start, id: [], idNumberEnc: [], idIndex: [], name: [], sex: [], birthDate: [], phoneEnc: [], phoneIndex: [],
    migrant: [], union: new Int32Array(count), joinedOn: [], status: [],
  };
  for (let k = 0; k < count; k++) {
    const i = start + k;
    const x = (i * 1_000_003 + 7_919_113) % ID_SPACE;
    const seq = x % 1000;
    const day = Math.floor(x / 1000) % DAYS;
    const addressCode = ADDRESS_CODES[Math.floor(x / 1000 / DAYS)];
    const sex = seq % 2 === 1 ? 'male' : 'female';
    const birthDate = new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10);
    const idNumber = makeIdNumber({ birthDate, sex, addressCode, seq });
    if (!checkIdNumber(idNumber).ok) throw new Error(`generated an invalid ID number: ${idNumber}`);
    const p = (i * 1_000_000_007 + 123_456_789) % PHONE_SPACE;
    const phone = `1${3 + Math.floor(p / 1_000_000_000)}${String(p % 1_000_000_000).padStart(9, '0')}`;
    b.id.push(randomUUID());
    b.idNumberEnc.push(crypto.encrypt(idNumber));
    b.idIndex.push(crypto.blindIndex('id', normalizeIdNumber(idNumber)));
    b.name.push(pick(SURNAMES) + pick(GIVEN) + (rnd.next() < 0.6 ? pick(GIVEN) : ''));
    b.sex.push(sex);
    b.birthDate.push(birthDate);
    b.phoneEnc.push(crypto.encrypt(phone));
    b.phoneIndex.push(crypto.blindIndex('phone', phone));
    b.migrant.push(rnd.next() < 0.2);
    b.union[k] = unionOf(rnd.next());
    b.joinedOn.push(`${rnd.int(2005, 2025)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`);
    const r = rnd.next();
    b.status.push(r < 0.04 ? 'retained' : r < 0.07 ? 'transferred_out' : r < 0.12 ? 'transferred_in' : 'joined');
  }
  return b;
}

parentPort!.on('message', (m: { start: number; count: number }) => {
  const batch = generate(m.start, m.count);
  parentPort!.postMessage(batch, [batch.union.buffer as ArrayBuffer]);
});
