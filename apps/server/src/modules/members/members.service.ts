import {
  checkIdNumber,
  chinaToday,
  isBaseUnionKind,
  membershipStatusLabels,
  operatorStatusTransitions,
  type IdType,
  maskIdNumber,
  maskPhone,
  type CreateMemberBody,
  type MemberDetail,
  type MembershipStatus,
  type UpdateMemberBody,
} from '@gonghui/contracts';
import type { z } from 'zod';
import type { memberSearchQuerySchema, memberStatusBodySchema, revealBodySchema } from '@gonghui/contracts';
import { checkPhone, normalizeIdNumber } from '@gonghui/contracts';
import type { DbOrTx } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { ScopedCaller } from '../../platform/auth-context.js';
import type { Crypto } from '../../platform/crypto.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { isUniqueViolation } from '../../platform/pg-errors.js';
import { getOrgInScope } from '../organisations/index.js';
import { buildMemberTemplate } from './import/member-template.js';
import * as repo from './members.repository.js';


const idIndexOf = (crypto: Crypto, number: string) => crypto.blindIndex('id', normalizeIdNumber(number));
const phoneIndexOf = (crypto: Crypto, phone: string) => crypto.blindIndex('phone', phone);

function toRow(crypto: Crypto, r: repo.MemberListRow) {
  return {
    id: r.m.id,
    memberNo: r.m.memberNo,
    name: r.p.name,
    sex: r.p.sex as 'male' | 'female',
    idType: r.p.idType as MemberDetail['idType'],
    idNumberMasked: maskIdNumber(crypto.decrypt(r.p.idNumberEnc)),
    phoneMasked: r.p.phoneEnc ? maskPhone(crypto.decrypt(r.p.phoneEnc)) : null,
    address: r.p.address,
    orgId: r.m.orgId,
    orgName: r.orgName,
    workUnitName: r.workUnitName,
    status: r.m.status as MembershipStatus,
    joinedOn: r.m.joinedOn,
  };
}

async function getMemberInScope(db: DbOrTx, caller: ScopedCaller, id: string): Promise<repo.MemberJoined> {
  const r = await repo.findMemberInScope(db, id, caller.scopePath);
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

async function toDetail(db: DbOrTx, crypto: Crypto, r: repo.MemberJoined): Promise<MemberDetail> {
  const events = await repo.listEvents(db, r.m.id);
  return {
    ...toRow(crypto, r),
    personId: r.p.id,
    birthDate: r.p.birthDate,
    education: r.p.education,
    householdType: r.p.householdType as MemberDetail['householdType'],
    migrantWorker: r.p.migrantWorker,
    skillLevel: r.p.skillLevel,
    idExpiresOn: r.p.idExpiresOn,
    unionPost: r.m.unionPost,
    workUnitId: r.m.workUnitId,
    remark: r.m.remark,
    version: r.m.version,
    history: events.map((e) => ({
      fromStatus: e.fromStatus as MembershipStatus | null,
      toStatus: e.toStatus as MembershipStatus,
      on: e.on,
      reason: e.reason,
      at: e.at.toISOString(),
    })),
  };
}

export async function getMember(deps: Deps, caller: ScopedCaller, id: string): Promise<MemberDetail> {
  return toDetail(deps.db, deps.crypto, await getMemberInScope(deps.db, caller, id));
}

/** Person fields as stored: numbers encrypted with their blind indexes. */
function personValues(crypto: Crypto, b: { phone?: string | null } & Record<string, unknown>) {
  const { phone, ...rest } = b;
  const v: Record<string, unknown> = {};
  for (const k of ['name', 'sex', 'birthDate', 'education', 'householdType', 'migrantWorker', 'skillLevel', 'address', 'idExpiresOn'] as const)
    if (rest[k] !== undefined) v[k] = rest[k];
  if (phone !== undefined) {
    v.phoneEnc = phone ? crypto.encrypt(phone) : null;
    v.phoneIndex = phone ? phoneIndexOf(crypto, phone) : null;
  }
  return v;
}

/**
 * Adds one member to a base (or joint) union in scope. A person already in another union is a
 * conflict that names it; nobody is moved silently (transfers are their own flow).
 */
export async function createMember(deps: Deps, caller: ScopedCaller, actor: Actor, orgId: string, body: CreateMemberBody): Promise<MemberDetail> {
  return deps.db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, caller, orgId);
    if (!isBaseUnionKind(org.kind)) throw new AppError('NOT_A_BASE_UNION');
    if (org.status !== 'active') throw new AppError('ORG_REVOKED');
    if (body.workUnitId && !(await repo.workUnitBelongsTo(tx, body.workUnitId, orgId))) throw fieldError('workUnitId', '所在单位不属于本工会');
    const idIndex = idIndexOf(deps.crypto, body.idNumber);
    let person = await repo.findPersonByDocument(tx, body.idType, idIndex);
    if (person) {
      const current = await repo.findCurrentMembership(tx, person.id);
      if (current?.orgId === orgId) throw new AppError('ALREADY_MEMBER', { memberNo: current.memberNo }, `此人已是本工会会员（会员编号 ${current.memberNo}）`);
      if (current) throw new AppError('PERSON_IN_OTHER_UNION', { orgName: current.orgName }, `此人已是「${current.orgName}」的会员，请通过转会办理`);
      if (person.name !== body.name) throw fieldError('name', '该证件号码已登记的姓名与填写的不一致，请核对');
      await repo.updatePerson(tx, person.id, personValues(deps.crypto, body));
    } else {
      person = await repo.insertPerson(tx, {
        ...(personValues(deps.crypto, body) as { name: string; sex: string; birthDate: string }),
        idType: body.idType,
        idNumberEnc: deps.crypto.encrypt(body.idNumber),
        idIndex,
      });
    }
    const joinedOn = body.joinedOn ?? chinaToday();
    let membership: repo.MembershipRow;
    try {
      membership = await repo.insertMembership(tx, {
        personId: person.id,
        orgId,
        memberNo: await repo.nextMemberNo(tx),
        workUnitId: body.workUnitId ?? null,
        unionPost: body.unionPost ?? null,
        joinedOn,
        status: 'joined',
        remark: body.remark ?? null,
      });
    } catch (e) {
      // Someone added the same person a moment ago.
      if (isUniqueViolation(e)) throw new AppError('CONFLICT');
      throw e;
    }
    await repo.insertEvent(tx, { membershipId: membership.id, fromStatus: null, toStatus: 'joined', on: joinedOn, reason: '新增会员', actorAccountId: caller.accountId });
    const joined = await getMemberInScope(tx, caller, membership.id);
    const row = toRow(deps.crypto, joined);
    // The audit keeps masked numbers only: it is append-only and must never hold a full ID.
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'member.created', objectType: 'membership', objectId: membership.id, orgId, after: row });
    return toDetail(tx, deps.crypto, joined);
  });
}

/** Edits a member's person and membership fields; stale versions conflict. */
export async function updateMember(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, body: UpdateMemberBody): Promise<MemberDetail> {
  return deps.db.transaction(async (tx) => {
    const before = await getMemberInScope(tx, caller, id);
    const { version, workUnitId, unionPost, joinedOn, remark, sex, birthDate, ...personFields } = body;
    // Where the document encodes sex and birth date they follow it; elsewhere they may be corrected, not erased.
    const derived = checkIdNumber(deps.crypto.decrypt(before.p.idNumberEnc), before.p.idType as IdType);
    const facts = derived.ok && derived.sex ? {} : { ...(sex ? { sex } : {}), ...(birthDate ? { birthDate } : {}) };
    if (workUnitId && !(await repo.workUnitBelongsTo(tx, workUnitId, before.m.orgId))) throw fieldError('workUnitId', '所在单位不属于本工会');
    const m = await repo.updateMembershipVersioned(tx, id, version, { workUnitId, unionPost, joinedOn, remark });
    if (!m) throw new AppError('CONFLICT');
    await repo.updatePerson(tx, before.p.id, personValues(deps.crypto, { ...personFields, ...facts }));
    const after = await getMemberInScope(tx, caller, id);
    const [b, a] = [toRow(deps.crypto, before), toRow(deps.crypto, after)];
    const changed = (Object.keys(a) as (keyof typeof a)[]).filter((k) => a[k] !== b[k]);
    await recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: 'member.updated',
      objectType: 'membership',
      objectId: id,
      orgId: before.m.orgId,
      before: Object.fromEntries(changed.map((k) => [k, b[k]])),
      after: Object.fromEntries(changed.map((k) => [k, a[k]])),
    });
    return toDetail(tx, deps.crypto, after);
  });
}

/** Sets transferred-out (left the job) or retained (retired) with a date and reason. */
export async function changeMemberStatus(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, body: z.infer<typeof memberStatusBodySchema>) {
  return deps.db.transaction(async (tx) => {
    const r = await getMemberInScope(tx, caller, id);
    const from = r.m.status as MembershipStatus;
    // Seed 000 2.2–2.3; transfers and applications have their own flows.
    if (!operatorStatusTransitions[body.status].includes(from))
      throw new AppError('STATUS_CHANGE_NOT_ALLOWED', { from, to: body.status }, `会籍状态为“${membershipStatusLabels[from]}”的会员不能改为“${membershipStatusLabels[body.status]}”`);
    if (body.on > chinaToday()) throw fieldError('on', '变更日期不能晚于今天');
    if (r.m.joinedOn && body.on < r.m.joinedOn) throw fieldError('on', '变更日期不能早于入会日期');
    const m = await repo.updateMembershipVersioned(tx, id, body.version, { status: body.status });
    if (!m) throw new AppError('CONFLICT');
    await repo.insertEvent(tx, { membershipId: id, fromStatus: from, toStatus: body.status, on: body.on, reason: body.reason, actorAccountId: caller.accountId });
    await recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: 'member.status_changed',
      objectType: 'membership',
      objectId: id,
      orgId: r.m.orgId,
      before: { status: from },
      after: { status: body.status, on: body.on, reason: body.reason },
    });
    return toDetail(tx, deps.crypto, await getMemberInScope(tx, caller, id));
  });
}

/** One full value, for one reason, audited (the value itself never enters the audit). */
export async function revealMemberValue(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, body: z.infer<typeof revealBodySchema>) {
  return deps.db.transaction(async (tx) => {
    const r = await getMemberInScope(tx, caller, id);
    const enc = body.field === 'idNumber' ? r.p.idNumberEnc : r.p.phoneEnc;
    if (!enc) throw new AppError('NOT_FOUND', undefined, '该会员未登记手机号');
    await recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: 'member.revealed',
      objectType: 'membership',
      objectId: id,
      orgId: r.m.orgId,
      after: { field: body.field, reason: body.reason },
    });
    return { value: deps.crypto.decrypt(enc) };
  });
}

type SearchFilters = Omit<z.infer<typeof memberSearchQuerySchema>, 'page' | 'pageSize'>;

/** Search filters as the repository takes them: document numbers and phones become blind indexes. */
export function memberSearchOf(deps: Deps, q: SearchFilters): Omit<repo.MemberSearch, 'page' | 'pageSize'> {
  const phone = q.phone ? checkPhone(q.phone) : null;
  return {
    name: q.name,
    memberNo: q.memberNo,
    status: q.status,
    workUnitId: q.workUnitId,
    orgId: q.orgId,
    sort: q.sort,
    order: q.order,
    idIndex: q.idNumber ? idIndexOf(deps.crypto, q.idNumber) : undefined,
    // A malformed phone cannot match anything; searching for its index would just find nothing.
    phoneIndex: phone ? (phone.ok ? phoneIndexOf(deps.crypto, phone.value) : 'no-match') : undefined,
  };
}

/** Searches members in the subtree; document numbers and phones are matched through their blind indexes. */
export async function searchMembers(deps: Deps, caller: ScopedCaller, q: z.infer<typeof memberSearchQuerySchema>) {
  const r = await repo.searchMembers(deps.db, caller.scopePath, { ...memberSearchOf(deps, q), page: q.page, pageSize: q.pageSize });
  return { items: r.items.map((x) => toRow(deps.crypto, x)), total: r.total, page: q.page, pageSize: q.pageSize };
}


/** The union's collection template, with its own work units in the drop-down. */
export async function memberTemplate(deps: Deps, caller: ScopedCaller, orgId: string) {
  const org = await getOrgInScope(deps.db, caller, orgId);
  if (!isBaseUnionKind(org.kind)) throw new AppError('NOT_A_BASE_UNION');
  const units = await repo.workUnitNames(deps.db, orgId);
  return { buffer: await buildMemberTemplate(org.name, units), filename: `${org.name}_会员信息采集表.xlsx` };
}
