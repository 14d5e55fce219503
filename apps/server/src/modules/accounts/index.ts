// The surface other modules may use.
export { findAccount, findAccountsByPhoneIndex, insertAccount, insertPost, listActivePosts, updateAccount, type AccountRow } from './accounts.repository.js';
export { phoneMaskedOf, temporaryPassword } from './accounts.service.js';
