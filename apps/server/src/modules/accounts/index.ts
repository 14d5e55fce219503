// The surface other modules may use.
export { findAccount, findAccountsByPhoneIndex, insertPost, listActivePosts, updateAccount } from './accounts.repository.js';
