// The surface other modules may use.
import { registerReviewSubject } from '../reviews/index.js';
import { mutualAidEnrolmentSubject } from './enrolment-subject.js';

export { mutualAidRoutes } from './mutual-aid.routes.js';
export { seedMutualAidPlan } from './demo-plan.js';

/** Tells the review mechanism what an enrolment's review decides. */
export function registerMutualAidReviews(): void {
  registerReviewSubject('mutual_aid_enrolment', mutualAidEnrolmentSubject);
}
