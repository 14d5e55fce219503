import { baseUnionTypeLabels, type OrgChange, type OrgChangeKind, type OrgChangeStatus, type ReviewChange, type ReviewSubjectType } from '@gonghui/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { reviewOfSubject } from '../reviews/index.js';
import * as changes from './org-changes.repository.js';
import { findOrg } from './organisations.repository.js';

/** Which review subject each reviewed kind of change is. */
export const subjectOf: Partial<Record<OrgChangeKind, ReviewSubjectType>> = {
  filing: 'org_filing',
  modification: 'org_modification',
  transfer: 'org_transfer',
  affiliation: 'org_affiliation',
};

/** The union's fields in the words of the seed's forms. */
export const fieldLabels: Record<string, string> = {
  unitName: '单位名称',
  unitCode: '统一社会信用代码（或组织机构代码）',
  unitNature: '单位性质类别',
  economicType: '经济类型',
  districtName: '工会所属区总工会',
  parentName: '工会所属街镇（开发区）工会',
  unitAddress: '单位地址',
  industry: '单位所属行业',
  name: '工会名称',
  unionName: '工会名称',
  foundedOn: '建会日期',
  baseUnionType: '基层工会类型',
  termRenewalOn: '换届日期',
  chairName: '工会负责人',
  phone: '联系电话',
  headcount: '职工人数',
  mergedUnion: '是否合并工会',
  address: '单位地址',
};

/** A value as a reviewer reads it. */
export function show(key: string, v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (key === 'baseUnionType') return baseUnionTypeLabels[v as keyof typeof baseUnionTypeLabels] ?? String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/** Before/after per field, in Chinese labels, for the fields that differ. */
export function changeList(before: Record<string, unknown>, after: Record<string, unknown>): ReviewChange[] {
  return Object.keys(after)
    .filter((k) => fieldLabels[k] && show(k, before[k]) !== show(k, after[k]))
    .map((k) => ({ label: fieldLabels[k], before: show(k, before[k]), after: show(k, after[k]) }));
}

/** One change under review per organisation (the table's partial unique index says the same). */
export async function assertNoPendingChange(db: DbOrTx, orgId: string): Promise<void> {
  const pending = await changes.findPendingChange(db, orgId);
  if (pending) throw new AppError('ORG_CHANGE_PENDING', { changeId: pending.id });
}

const titles: Record<OrgChangeKind, string> = { filing: '基层工会资料上报', modification: '修改组织信息', transfer: '组织转移', affiliation: '变更隶属关系', revoke: '撤销' };

/** A change as its submitter sees it, with who reviews it now. */
export async function toChangeDto(deps: Deps, row: changes.OrgChangeRow): Promise<OrgChange> {
  const subject = subjectOf[row.kind as OrgChangeKind];
  const review = subject ? await reviewOfSubject(deps, subject, row.id) : null;
  const target = row.targetParentId ? await findOrg(deps.db, row.targetParentId) : undefined;
  return {
    id: row.id,
    kind: row.kind as OrgChangeKind,
    status: row.status as OrgChangeStatus,
    orgId: row.orgId,
    title: review?.review.title ?? titles[row.kind as OrgChangeKind],
    targetParentName: target?.name ?? null,
    reviewId: review?.review.id ?? null,
    waitingFor: review?.waitingFor ?? [],
    returnReason: review?.returnReason ?? null,
    submittedAt: row.submittedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    payload: row.payload as Record<string, unknown>,
  };
}

/** The change a review is about, locked in the deciding transaction's state. */
export async function changeOfReview(db: DbOrTx, subjectId: string): Promise<changes.OrgChangeRow> {
  const row = await changes.findChange(db, subjectId);
  if (!row) throw new Error(`org change ${subjectId} missing`);
  return row;
}
