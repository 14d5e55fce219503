// The surface other modules may use.
export { orgInScope, escapeLike } from './organisations.scope.js';
export { getOrgInScope } from './organisations.service.js';
export { findOrg, findOrgsByIds, findOrgInScope, type OrgRow } from './organisations.repository.js';
export { organisationsRoutes } from './organisations.routes.js';
export { orgs, workUnits } from './organisations.table.js';
export { orgLifecycleRoutes } from './org-lifecycle.routes.js';
export { registerOrgReviewSubjects } from './org-review-subjects.js';
