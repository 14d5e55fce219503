// Every table, for Drizzle's migration generator and typed queries.
export * from '../modules/organisations/organisations.table.js';
export * from '../modules/accounts/accounts.table.js';
export * from '../modules/auth/auth.table.js';
export * from '../platform/audit/audit.table.js';
export * from '../modules/members/members.table.js';
export * from '../modules/inspections/inspections.table.js';
export * from '../modules/members/import/member-imports.table.js';
export * from '../modules/reviews/reviews.table.js';
export * from '../modules/transfers/transfers.table.js';
export * from '../modules/organisations/org-changes.table.js';
export * from '../modules/member-app/member-app.table.js';
export * from '../modules/mutual-aid/mutual-aid.table.js';
export * from '../platform/idempotency.table.js';
export * from '../modules/benefits/benefits.table.js';
