import { z } from 'zod';

// Zod's own messages (for checks without a custom message) speak Chinese too.
z.config(z.locales.zhCN());

export * from './errors.js';
export * from './common.js';
export * from './auth.contract.js';
export * from './org.contract.js';
export * from './accounts.contract.js';
export * from './audit.contract.js';
export * from './members.contract.js';
export * from './inspections.contract.js';
export * from './rules/index.js';
export * from './member-imports.contract.js';
export * from './reviews.contract.js';
export * from './transfers.contract.js';
export * from './org-lifecycle.contract.js';
export * from './member-app.contract.js';
export * from './mutual-aid.contract.js';
export * from './benefits-claims.contract.js';
export * from './benefits.contract.js';
