// The surface other modules may use.
import { registerReviewSubject } from '../reviews/index.js';
import { phoneChangeSubject } from './phone-change.service.js';
import { memberVerificationSubject } from './verification.service.js';

export { memberAppRoutes } from './member-app.routes.js';
export { verifiedMemberOf, type VerifiedMember } from './verified-member.js';

/** Tells the review mechanism what a verification's and a phone change's review decide. */
export function registerMemberAppReviews(): void {
  registerReviewSubject('member_verification', memberVerificationSubject);
  registerReviewSubject('member_phone_change', phoneChangeSubject);
}
