import { chinaToday, MUTUAL_AID_ASSOCIATION, membershipStatusLabels, mutualAidEligibleStatuses, type MembershipStatus, type MutualAidEnrolmentKind, type MutualAidPolicy } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { verifiedPersonOf } from '../member-app/index.js';
import { chineseDate } from './enrolment-rules.js';
import * as repo from './mutual-aid.repository.js';

/**
 * 我的保障 (seed 000 3.2: “本单位提交的入会会员可在APP-保单查询模块查看自己的保单信息”): the
 * policies of the verified member's person, from every approved enrolment that froze them. A
 * member who has left the unit since keeps the cover that was paid for, to its end, and is told so.
 */
export async function myPolicies(deps: Deps, auth: AuthContext): Promise<{ items: MutualAidPolicy[] }> {
  const personId = await verifiedPersonOf(deps.db, auth.accountId);
  if (!personId) return { items: [] };
  const today = chinaToday(deps.now());
  const rows = await repo.policiesOfPerson(deps.db, personId);
  return {
    items: rows.map((r) => {
      const left = !(mutualAidEligibleStatuses as readonly string[]).includes(r.membershipStatus);
      const state = today < r.coverFrom ? 'not_started' : today > r.coverTo ? 'expired' : 'in_force';
      const now = `您在「${r.orgName}」的会籍现为“${membershipStatusLabels[r.membershipStatus as MembershipStatus]}”。`;
      return {
        id: `${r.enrolmentId}`,
        year: r.year,
        planTitle: r.planTitle,
        coverage: r.coverage,
        association: MUTUAL_AID_ASSOCIATION,
        orgName: r.orgName,
        memberNo: r.memberNo,
        kind: r.kind as MutualAidEnrolmentKind,
        contractNo: r.contractNo,
        coverFrom: r.coverFrom,
        coverTo: r.coverTo,
        contributionFen: r.contributionFen,
        state,
        leftNote: !left
          ? null
          : state === 'expired'
            ? `${now}本保障已于${chineseDate(r.coverTo)}期满。`
            : `${now}本保障已由单位缴费至${chineseDate(r.coverTo)}，离开单位后保障继续有效，至${chineseDate(r.coverTo)}期满。`,
      };
    }),
  };
}
