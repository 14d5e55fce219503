// The surface other modules may use.
export { membersRoutes } from './members.routes.js';
export { memberImportsRoutes } from './import/member-imports.routes.js';
export { registerImportWorkers } from './import/member-imports.jobs.js';
