import { randomUUID } from 'node:crypto';
import { orgFilingBodySchema, type OrgChange, type OrgFilingBody } from '@gonghui/contracts';
import type { Tx } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { AuthContext } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { insertPost } from '../accounts/index.js';
import { openReview, resubmitReview, reviewOfSubject, withdrawReview, type Reviewer, type SubjectHandler } from '../reviews/index.js';
import * as changes from './org-changes.repository.js';
import { changeList, changeOfReview, toChangeDto } from './org-lifecycle.shared.js';
import { districtIdOf } from './org-tree.repository.js';
import * as repo from './organisations.repository.js';
import { generateVirtualOrgCode, usccFlag } from './organisations.service.js';

/** The reviewing union must be a street or industry union: the filing form's 街镇(开发区)工会. */
async function checkParent(tx: Tx, body: OrgFilingBody) {
  const parent = await repo.findOrg(tx, body.parentId);
  if (!parent || parent.status !== 'active' || !['street_union', 'industry_union'].includes(parent.kind)) throw fieldError('parentId', '请选择工会所属的街镇（开发区）工会或产业工会');
  if (districtIdOf(parent.path) !== body.districtId) throw fieldError('parentId', '所选街镇工会不属于所选的区总工会');
  if (await repo.siblingNameExists(tx, parent.id, body.unionName)) throw new AppError('ORG_NAME_TAKEN', [{ path: 'unionName', message: '该街镇工会下已有同名工会' }]);
  const district = await repo.findOrg(tx, body.districtId);
  return { parent, district: district! };
}

/** What the reviewer reads: every field of the form, as submitted. */
function filingChanges(body: OrgFilingBody, names: { districtName: string; parentName: string }) {
  const { districtId: _d, parentId: _p, ...fields } = body;
  return changeList({}, { ...fields, ...names });
}

/** An account with no post files its base union for review by the chosen street or industry union (seed 002 §2). */
export async function submitFiling(deps: Deps, auth: AuthContext, actor: Actor, body: OrgFilingBody): Promise<OrgChange> {
  const row = await deps.db.transaction(async (tx) => {
    await changes.lockFilingsOf(tx, auth.accountId);
    if (await changes.hasPendingFiling(tx, auth.accountId)) throw new AppError('FILING_EXISTS');
    const { parent, district } = await checkParent(tx, body);
    const change = await changes.insertChange(tx, { kind: 'filing', targetParentId: parent.id, payload: body, status: 'pending', submittedBy: auth.accountId, submittedAt: deps.now() });
    await openReview(tx, deps, actor, { accountId: auth.accountId, name: auth.name, orgId: null, scopePath: null }, {
      subjectType: 'org_filing',
      subjectId: change.id,
      submitterOrgId: null,
      submittedBy: auth.accountId,
      title: `${body.unionName}（基层工会资料上报）`,
      changes: filingChanges(body, { districtName: district.name, parentName: parent.name }),
      payload: body,
      plan: [{ stage: 1, label: '街镇（产业）工会审核', reviewer: { org: parent.id } }],
    });
    return change;
  });
  return toChangeDto(deps, row);
}

/** The filer acts on its own filing with no post: as the account that submitted it. */
const filerOf = (auth: AuthContext): Reviewer => ({ accountId: auth.accountId, name: auth.name, orgId: null, scopePath: null });

async function ownFilingReview(deps: Deps, auth: AuthContext, id: string) {
  const change = await changes.findChange(deps.db, id);
  if (!change || change.kind !== 'filing' || change.submittedBy !== auth.accountId) throw new AppError('NOT_FOUND');
  return (await reviewOfSubject(deps, 'org_filing', change.id))!.review;
}

/** The filer takes its filing back before the street union acts on it. */
export async function withdrawFiling(deps: Deps, auth: AuthContext, actor: Actor, id: string): Promise<OrgChange> {
  const review = await ownFilingReview(deps, auth, id);
  await withdrawReview(deps, filerOf(auth), actor, review.id, { version: review.version });
  return toChangeDto(deps, (await changes.findChange(deps.db, id))!);
}

/** A returned filing, corrected (the form comes back filled in) and sent to the same street union again. */
export async function resubmitFiling(deps: Deps, auth: AuthContext, actor: Actor, id: string, payload: Record<string, unknown> | undefined): Promise<OrgChange> {
  const review = await ownFilingReview(deps, auth, id);
  await resubmitReview(deps, filerOf(auth), actor, review.id, { version: review.version, payload });
  return toChangeDto(deps, (await changes.findChange(deps.db, id))!);
}

/** The caller's own filings, newest first, with who reviews each. */
export async function listMyFilings(deps: Deps, auth: AuthContext): Promise<OrgChange[]> {
  return Promise.all((await changes.listFilingsBy(deps.db, auth.accountId)).map((r) => toChangeDto(deps, r)));
}

/** Approval creates the base union, its work unit, and the filer's operator post there. */
const approved: SubjectHandler['approved'] = async ({ tx, deps, actor, review }) => {
  const change = await changeOfReview(tx, review.subjectId);
  const body = orgFilingBodySchema.parse(change.payload);
  const { parent } = await checkParent(tx, body);
  const id = randomUUID();
  const org = await repo.insertOrg(tx, {
    id,
    parentId: parent.id,
    path: `${parent.path}${id}/`,
    depth: parent.depth + 1,
    kind: 'base_union',
    name: body.unionName,
    orgCode: await generateVirtualOrgCode(tx),
    orgCodeVirtual: true,
    foundedOn: body.foundedOn,
    baseUnionType: body.baseUnionType,
    termRenewalOn: body.termRenewalOn ?? null,
    chairName: body.chairName,
    phone: body.phone,
    headcount: body.headcount ?? null,
    address: body.unitAddress,
  });
  const isUscc = body.unitCode.length === 18;
  const unit = await repo.insertWorkUnit(tx, {
    orgId: id,
    name: body.unitName,
    uscc: isUscc ? body.unitCode : null,
    usccCheckFailed: isUscc && usccFlag(body.unitCode),
    orgCode: isUscc ? body.unitCode.slice(8, 17) : body.unitCode,
    nature: body.unitNature,
    economicType: body.economicType,
    industry: body.industry,
    address: body.unitAddress,
    headcount: body.headcount ?? null,
  });
  const post = await insertPost(tx, { accountId: change.submittedBy, orgId: id, role: 'operator' });
  await changes.setChangeStatus(tx, change.id, 'pending', { status: 'approved', orgId: id, decidedAt: deps.now() });
  const key = deps.config.keys.auditKey;
  await recordAudit(tx, key, actor, { action: 'org.filed', objectType: 'org', objectId: id, orgId: id, after: { name: org.name, parentId: parent.id, workUnitId: unit.id, changeId: change.id } });
  await recordAudit(tx, key, actor, { action: 'post.bound', objectType: 'post', objectId: post.id, orgId: id, after: { accountId: change.submittedBy, role: 'operator', changeId: change.id } });
};

async function close(tx: Tx, deps: Deps, subjectId: string, status: 'returned' | 'withdrawn') {
  await changes.setChangeStatus(tx, subjectId, 'pending', { status, decidedAt: deps.now() });
}

export const filingSubject: SubjectHandler = {
  approved,
  returned: async ({ tx, deps, review }) => close(tx, deps, review.subjectId, 'returned'),
  withdrawn: async ({ tx, deps, review }) => close(tx, deps, review.subjectId, 'withdrawn'),
  async resubmitted({ tx, review }, payload) {
    const change = await changeOfReview(tx, review.subjectId);
    const parsed = orgFilingBodySchema.safeParse(payload ?? change.payload);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    const body = parsed.data;
    // The reviewer stays the one the plan names: a different street union means a new filing.
    if (body.parentId !== change.targetParentId) throw fieldError('parentId', '审核单位不能更改；如需改报其他街镇工会，请重新上报');
    const { parent, district } = await checkParent(tx, body);
    await changes.setChangeStatus(tx, change.id, 'returned', { status: 'pending', payload: body, decidedAt: null });
    return { title: `${body.unionName}（基层工会资料上报）`, changes: filingChanges(body, { districtName: district.name, parentName: parent.name }), payload: body };
  },
};
