/**
 * Domain rules: pure checks and formatters shared by server, admin UI and importers.
 */
export * from './result.js';
export * from './id-number.js';
export * from './uscc.js';
export * from './org-code.js';
export * from './phone.js';
export * from './password.js';
export * from './common-passwords.js';
export * from './mask.js';
export { chinaToday } from './calendar.js';
export { seededRandom, type SeededRandom } from './seeded-random.js';

export { faceValueYuan, fenToYuan, formatYuan, yuanInWords, yuanToFen } from './money.js';
