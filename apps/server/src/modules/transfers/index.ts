// The surface other modules may use.
import { registerReviewSubject } from '../reviews/index.js';
import { memberApplicationSubject } from './applications.service.js';
import { memberTransferSubject } from './transfers.service.js';

export { transfersRoutes } from './transfers.routes.js';
export { applicationsRoutes } from './applications.routes.js';
export { requestTransfer, transferRefusal } from './transfers.service.js';

/** Tells the review mechanism what a transfer's review decides. */
export function registerTransferReviews(): void {
  registerReviewSubject('member_transfer', memberTransferSubject);
  registerReviewSubject('member_application', memberApplicationSubject);
}
