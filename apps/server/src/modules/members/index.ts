// The surface other modules may use.
export { membersRoutes } from './members.routes.js';
export { memberImportsRoutes } from './import/member-imports.routes.js';
export { purgeExpiredImports, registerImportWorkers, setTransferSubmitter, startImportPurge, type TransferSubmitter } from './import/member-imports.jobs.js';
export { countTransferringMembers } from './org-member-holds.js';
