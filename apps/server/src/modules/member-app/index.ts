// The surface other modules may use.
import { registerReviewSubject } from '../reviews/index.js';
import { phoneChangeSubject } from './phone-change.service.js';
import { memberVerificationSubject } from './verification.service.js';
import type { DbOrTx } from '../../db/client.js';
import { approvedVerificationOf } from './member-app.repository.js';

export { memberAppRoutes } from './member-app.routes.js';
export { verifiedMemberOf, verifiedMemberSubquery, type VerifiedMember } from './member-app.repository.js';

/** Tells the review mechanism what a verification's and a phone change's review decide. */
export function registerMemberAppReviews(): void {
  registerReviewSubject('member_verification', memberVerificationSubject);
  registerReviewSubject('member_phone_change', phoneChangeSubject);
}

/** The person a member-app account is verified as (工会会员认证 approved), or null: for services that show a member their own records. */
export async function verifiedPersonOf(db: DbOrTx, accountId: string): Promise<string | null> {
  return (await approvedVerificationOf(db, accountId))?.personId ?? null;
}
