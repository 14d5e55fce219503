import { registerReviewSubject } from '../reviews/index.js';
import { affiliationSubject } from './org-affiliation.service.js';
import { filingSubject } from './org-filing.service.js';
import { modificationSubject } from './org-modification.service.js';
import { transferSubject } from './org-transfer.service.js';

/** Tells the review mechanism what the organisation lifecycle does when its reviews end; once, at start-up. */
export function registerOrgReviewSubjects(): void {
  registerReviewSubject('org_filing', filingSubject);
  registerReviewSubject('org_modification', modificationSubject);
  registerReviewSubject('org_transfer', transferSubject);
  registerReviewSubject('org_affiliation', affiliationSubject);
}
