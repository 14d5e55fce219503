// The surface other modules may use.
export { reviewsRoutes } from './reviews.routes.js';
export { registerReviewSubject, type SubjectContext, type SubjectHandler, type Resubmission } from './review-subjects.js';
export { openReview, reopenWithdrawnReview, reviewOfSubject, reviewerOf, flagOverdueReviews, startOverdueFlagging, approveReview, returnReview, withdrawReview, resubmitReview, getReview, type Reviewer, type StepPlan } from './reviews.service.js';
export type { ReviewRecord } from './reviews.repository.js';
