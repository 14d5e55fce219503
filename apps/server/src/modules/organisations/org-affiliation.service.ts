import type { Readable } from 'node:stream';
import { isBaseUnionKind, type OrgChange } from '@gonghui/contracts';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../platform/audit/audit.js';
import type { ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { getReview, openReview, reviewerOf, reviewOfSubject, type SubjectHandler } from '../reviews/index.js';
import { storeExplanation, type OrgAttachment } from './org-attachment.js';
import * as changes from './org-changes.repository.js';
import { assertNoPendingChange, changeOfReview, toChangeDto } from './org-lifecycle.shared.js';
import { checkMoveTarget, moveOrg, sameDistrict } from './org-move.js';
import * as repo from './organisations.repository.js';
import { getOrgInScope } from './organisations.service.js';

const notAllowed = (message: string) => new AppError('ORG_MOVE_NOT_ALLOWED', [{ path: 'targetParentId', message }], message);
/** Posts that change affiliation directly: the district (or industry) union in its own area, the city federation anywhere. */
const directKinds = ['city_federation', 'district_federation', 'industry_union'];

async function movableOrg(tx: Tx, caller: ScopedCaller, orgId: string) {
  const org = await getOrgInScope(tx, caller, orgId);
  if (org.status !== 'active') throw new AppError('ORG_REVOKED');
  if (!isBaseUnionKind(org.kind)) throw notAllowed('只有基层工会和联合工会可以变更隶属关系');
  return org;
}

/**
 * Within one county or district the district federation moves a base union under another of
 * its street unions itself (seed 000 §1.2: 本区县内变更隶属联系区县总工会即可), audited.
 */
export async function changeAffiliation(deps: Deps, caller: ScopedCaller, actor: Actor, orgId: string, body: { targetParentId: string; note: string | null }): Promise<OrgChange> {
  const row = await deps.db.transaction(async (tx) => {
    if (!directKinds.includes(caller.post.orgKind)) throw new AppError('FORBIDDEN', undefined, '本区县内变更隶属关系由区(县)总工会办理；跨区变更请提交情况说明');
    const org = await movableOrg(tx, caller, orgId);
    // The target must lie in the caller's own area too: anything else is outside its scope.
    await getOrgInScope(tx, caller, body.targetParentId);
    await assertNoPendingChange(tx, org.id);
    const change = await changes.insertChange(tx, {
      kind: 'affiliation',
      orgId: org.id,
      targetParentId: body.targetParentId,
      payload: { ...body, direct: true },
      status: 'done',
      submittedBy: caller.accountId,
      submittedAt: deps.now(),
      decidedAt: deps.now(),
    });
    await moveOrg(tx, deps, actor, org.id, body.targetParentId, { changeId: change.id, kind: 'affiliation' });
    return change;
  });
  return toChangeDto(deps, row);
}

/**
 * Across districts the union (or its upper union) submits a written explanation (情况说明) for
 * the city federation to review; approval moves it (seed 000 §1.2, where the platform operator
 * then does it by hand).
 */
export async function requestAffiliation(
  deps: Deps,
  caller: ScopedCaller,
  actor: Actor,
  orgId: string,
  read: () => Promise<{ fields: { targetParentId: string; note: string | null }; file: { filename?: string; stream: Readable } }>,
): Promise<OrgChange> {
  // Checked before the file is read, so nothing is stored for a request that cannot go on.
  const org = await deps.db.transaction((tx) => movableOrg(tx, caller, orgId));
  const { fields, file } = await read();
  const attachment = await storeExplanation(deps, file);
  try {
    const row = await deps.db.transaction(async (tx) => {
      const fresh = await movableOrg(tx, caller, org.id);
      const target = await checkMoveTarget(tx, fresh, fields.targetParentId);
      if (sameDistrict(fresh, target)) throw notAllowed('本区县内变更隶属关系由区(县)总工会直接办理，无需提交审核');
      await assertNoPendingChange(tx, fresh.id);
      const rootId = fresh.path.split('/').filter(Boolean)[0];
      const parent = fresh.parentId ? await repo.findOrg(tx, fresh.parentId) : undefined;
      const change = await changes.insertChange(tx, {
        kind: 'affiliation',
        orgId: fresh.id,
        targetParentId: target.id,
        payload: fields,
        attachment,
        status: 'pending',
        submittedBy: caller.accountId,
        submittedAt: deps.now(),
      });
      await openReview(tx, deps, actor, reviewerOf(caller), {
        subjectType: 'org_affiliation',
        subjectId: change.id,
        submitterOrgId: fresh.id,
        submittedBy: caller.accountId,
        title: `${fresh.name}（跨区变更隶属关系）`,
        changes: [
          { label: '隶属工会', before: parent?.name ?? null, after: target.name },
          { label: '情况说明', before: null, after: attachment.name },
          ...(fields.note ? [{ label: '说明', before: null, after: fields.note }] : []),
        ],
        payload: { ...fields, changeId: change.id, attachmentName: attachment.name },
        plan: [{ stage: 1, label: '市总工会审核', reviewer: { org: rootId } }],
      });
      return change;
    });
    return toChangeDto(deps, row);
  } catch (e) {
    await deps.files.remove(attachment.fileId);
    throw e;
  }
}

/** The explanation file, for whoever may see the review (submitter's side and the city federation). */
export async function openExplanation(deps: Deps, caller: ScopedCaller, changeId: string) {
  const change = await changes.findChange(deps.db, changeId);
  if (!change?.attachment) throw new AppError('NOT_FOUND');
  const inScope = change.orgId ? await repo.findOrgInScope(deps.db, change.orgId, caller.scopePath) : undefined;
  if (!inScope) {
    const r = await reviewOfSubject(deps, 'org_affiliation', change.id);
    if (!r) throw new AppError('NOT_FOUND');
    await getReview(deps, reviewerOf(caller), r.review.id);
  }
  const a = change.attachment as OrgAttachment;
  if (!(await deps.files.verify(a.fileId, a))) throw new AppError('NOT_FOUND', undefined, '文件已不在服务器上');
  return { name: a.name, mime: a.mime, size: a.size, stream: deps.files.openRange(a.fileId, a) };
}

const close = (status: 'returned' | 'withdrawn') => async ({ tx, deps, review }: { tx: Tx; deps: Deps; review: { subjectId: string } }) =>
  void (await changes.setChangeStatus(tx, review.subjectId, 'pending', { status, decidedAt: deps.now() }));

export const affiliationSubject: SubjectHandler = {
  async approved({ tx, deps, actor, review }) {
    const change = await changeOfReview(tx, review.subjectId);
    await moveOrg(tx, deps, actor, change.orgId!, change.targetParentId!, { changeId: change.id, kind: 'affiliation' });
    await changes.setChangeStatus(tx, change.id, 'pending', { status: 'approved', decidedAt: deps.now() });
  },
  returned: close('returned'),
  withdrawn: close('withdrawn'),
  async resubmitted({ tx, review }) {
    const change = await changeOfReview(tx, review.subjectId);
    const org = (await repo.findOrg(tx, change.orgId!))!;
    if (org.status !== 'active') throw new AppError('ORG_REVOKED');
    await checkMoveTarget(tx, org, change.targetParentId!);
    await assertNoPendingChange(tx, org.id);
    await changes.setChangeStatus(tx, change.id, 'returned', { status: 'pending', decidedAt: null });
    return {};
  },
};
