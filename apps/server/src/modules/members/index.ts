// The surface other modules may use.
export { membersRoutes } from './members.routes.js';
