import { isBaseUnionKind, orgModificationBodySchema, type OrgChange, type OrgModificationBody } from '@gonghui/contracts';
import type { Tx } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { openReview, reviewerOf, type SubjectHandler } from '../reviews/index.js';
import * as changes from './org-changes.repository.js';
import { assertNoPendingChange, changeList, changeOfReview, toChangeDto } from './org-lifecycle.shared.js';
import * as repo from './organisations.repository.js';
import { getOrgInScope } from './organisations.service.js';

type Fields = Omit<OrgModificationBody, 'version'>;

/** Only the fields that differ from the organisation as it is. */
function changedFields(org: repo.OrgRow, fields: Fields): Fields {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && (org as Record<string, unknown>)[k] !== v) out[k] = v;
  return out as Fields;
}

async function checkFields(tx: Tx, org: repo.OrgRow, fields: Fields) {
  const foundedOn = fields.foundedOn !== undefined ? fields.foundedOn : org.foundedOn;
  const termRenewalOn = fields.termRenewalOn !== undefined ? fields.termRenewalOn : org.termRenewalOn;
  if (foundedOn && termRenewalOn && termRenewalOn < foundedOn) throw fieldError('termRenewalOn', '换届日期不能早于建会日期');
  if (fields.name && org.parentId && (await repo.siblingNameExists(tx, org.parentId, fields.name, org.id))) throw new AppError('ORG_NAME_TAKEN', [{ path: 'name', message: '同一上级组织下已有同名组织' }]);
  if (fields.baseUnionType !== undefined && !isBaseUnionKind(org.kind)) throw fieldError('baseUnionType', '只有基层工会有基层工会类型');
}

const title = (org: repo.OrgRow) => `${org.name}（修改组织信息）`;
const before = (org: repo.OrgRow) => org as unknown as Record<string, unknown>;

/**
 * An organisation's operator submits changes to its data for its upper union to review
 * (seed 002 §2); nothing changes until approval. A stale version is refused.
 */
export async function submitModification(deps: Deps, caller: ScopedCaller, actor: Actor, orgId: string, body: OrgModificationBody): Promise<OrgChange> {
  const row = await deps.db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, caller, orgId);
    if (org.status !== 'active') throw new AppError('ORG_REVOKED');
    if (!org.parentId) throw new AppError('BAD_REQUEST', undefined, '市总工会没有上级工会，请直接修改');
    if (org.version !== body.version) throw new AppError('CONFLICT');
    const { version, ...rest } = body;
    const fields = changedFields(org, rest);
    if (Object.keys(fields).length === 0) throw new AppError('VALIDATION_FAILED', [], '没有修改任何内容');
    await checkFields(tx, org, fields);
    await assertNoPendingChange(tx, org.id);
    const change = await changes.insertChange(tx, { kind: 'modification', orgId: org.id, payload: { version, fields }, status: 'pending', submittedBy: caller.accountId, submittedAt: deps.now() });
    await openReview(tx, deps, actor, reviewerOf(caller), {
      subjectType: 'org_modification',
      subjectId: change.id,
      submitterOrgId: org.id,
      submittedBy: caller.accountId,
      title: title(org),
      changes: changeList(before(org), fields),
      payload: { version, ...fields },
      plan: [{ stage: 1, label: '上级工会审核', reviewer: { upperOf: org.id } }],
    });
    return change;
  });
  return toChangeDto(deps, row);
}

/** Approval applies the fields, provided nobody changed the organisation since it was submitted. */
const approved: SubjectHandler['approved'] = async ({ tx, deps, actor, review }) => {
  const change = await changeOfReview(tx, review.subjectId);
  const { version, fields } = change.payload as { version: number; fields: Fields };
  const org = (await repo.findOrg(tx, change.orgId!))!;
  if (org.status !== 'active') throw new AppError('ORG_REVOKED');
  await checkFields(tx, org, fields);
  const updated = await repo.updateOrgVersioned(tx, org.id, version, fields);
  if (!updated) throw new AppError('CONFLICT', undefined, '该组织的信息在提交后已被修改，请退回，由提交单位核对后重新提交');
  await changes.setChangeStatus(tx, change.id, 'pending', { status: 'approved', decidedAt: deps.now() });
  const b: Record<string, unknown> = {};
  for (const k of Object.keys(fields)) b[k] = before(org)[k];
  await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'org.updated', objectType: 'org', objectId: org.id, orgId: org.id, before: b, after: { ...fields, reviewId: review.id } });
};

export const modificationSubject: SubjectHandler = {
  approved,
  returned: async ({ tx, deps, review }) => void (await changes.setChangeStatus(tx, review.subjectId, 'pending', { status: 'returned', decidedAt: deps.now() })),
  withdrawn: async ({ tx, deps, review }) => void (await changes.setChangeStatus(tx, review.subjectId, 'pending', { status: 'withdrawn', decidedAt: deps.now() })),
  async resubmitted({ tx, review }, payload) {
    const change = await changeOfReview(tx, review.subjectId);
    const org = (await repo.findOrg(tx, change.orgId!))!;
    if (org.status !== 'active') throw new AppError('ORG_REVOKED');
    const old = change.payload as { version: number; fields: Fields };
    const parsed = orgModificationBodySchema.safeParse(payload ?? { version: old.version, ...old.fields });
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    if (parsed.data.version !== org.version) throw new AppError('CONFLICT');
    const { version, ...rest } = parsed.data;
    const fields = changedFields(org, rest);
    if (Object.keys(fields).length === 0) throw new AppError('VALIDATION_FAILED', [], '没有修改任何内容');
    await checkFields(tx, org, fields);
    // Another change may have been filed while this one lay returned: still one at a time.
    await assertNoPendingChange(tx, org.id);
    await changes.setChangeStatus(tx, change.id, 'returned', { status: 'pending', payload: { version, fields }, decidedAt: null });
    return { title: title(org), changes: changeList(before(org), fields), payload: { version, ...fields } };
  },
};
