// The surface other modules may use.
import { registerReviewSubject } from '../reviews/index.js';
import { memberApplicationSubject } from './applications.service.js';
import { setTransferSubmitter } from '../members/index.js';
import { memberTransferSubject, submitImportedTransfer } from './transfers.service.js';

export { transfersRoutes } from './transfers.routes.js';
export { applicationsRoutes } from './applications.routes.js';
export { requestTransfer, transferRefusal } from './transfers.service.js';

/** Tells the review mechanism what a transfer's review decides, and the import task how to submit one. */
export function registerTransferReviews(): void {
  setTransferSubmitter(submitImportedTransfer);
  registerReviewSubject('member_transfer', memberTransferSubject);
  registerReviewSubject('member_application', memberApplicationSubject);
}
