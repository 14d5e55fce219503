import type { Role } from '@gonghui/contracts';
import type { ScopedCaller } from '../../platform/auth-context.js';
import { AppError, fieldError } from '../../platform/errors.js';

/**
 * Separation of duties for posts: a business operator hands out, and takes back, only
 * business-operator posts of organisations below its own; security admins manage every role
 * within their subtree. Scope itself is checked by the caller's query.
 */
export function assertMayManagePost(caller: ScopedCaller, orgId: string, role: Role | string, field = 'role'): void {
  if (caller.post.role !== 'operator') return;
  if (orgId === caller.post.orgId) throw new AppError('FORBIDDEN', undefined, '业务管理员只能管理下级组织的岗位');
  if (role !== 'operator') throw field === 'role' ? fieldError('role', '业务管理员只能签发业务管理员岗位') : new AppError('FORBIDDEN', undefined, '安全管理员、审计管理员岗位只能由安全管理员管理');
}
