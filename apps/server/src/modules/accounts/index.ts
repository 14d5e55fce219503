// The surface other modules may use.
export { insertPost, listActivePosts } from './accounts.repository.js';
