import { randomInt } from 'node:crypto';
import { maskPhone, type AccountRow as AccountDto, type Role } from '@gonghui/contracts';
import type { DbOrTx } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { ScopedCaller } from '../../platform/auth-context.js';
import type { Crypto } from '../../platform/crypto.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { hashPassword } from '../../platform/passwords.js';
import { getOrgInScope } from '../organisations/index.js';
import * as repo from './accounts.repository.js';
import { assertMayManagePost } from './accounts.policy.js';
import { revokeSessionsOfAccount } from '../auth/sessions.repository.js';

export function phoneMaskedOf(crypto: Crypto, phoneEnc: string | null): string | null {
  return phoneEnc ? maskPhone(crypto.decrypt(phoneEnc)) : null;
}

async function toDtos(db: DbOrTx, crypto: Crypto, rows: repo.AccountRow[], scopePath: string, now: Date): Promise<AccountDto[]> {
  const posts = await repo.postsOfAccounts(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    name: r.name,
    phoneMasked: phoneMaskedOf(crypto, r.phoneEnc),
    status: r.status as AccountDto['status'],
    lockedUntil: r.lockedUntil && r.lockedUntil > now ? r.lockedUntil.toISOString() : null,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    mustChangePassword: r.mustChangePassword,
    // Posts outside the caller's subtree are not the caller's business.
    posts: posts
      .filter((p) => p.accountId === r.id && p.orgPath.startsWith(scopePath))
      .map((p) => ({ id: p.id, orgId: p.orgId, orgName: p.orgName, role: p.role as Role })),
  }));
}

export async function searchAccounts(deps: Deps, caller: ScopedCaller, q: { q?: string; status?: string; page: number; pageSize: number }) {
  const r = await repo.searchAccounts(deps.db, caller.scopePath, q);
  return { items: await toDtos(deps.db, deps.crypto, r.items, caller.scopePath, deps.now()), total: r.total, page: q.page, pageSize: q.pageSize };
}

/**
 * An account the caller may act on: it holds a post in the caller's subtree (else 404) and
 * none outside it (else a clear refusal), and it is not the caller's own.
 */
async function getManageableAccount(db: DbOrTx, caller: ScopedCaller, id: string): Promise<repo.AccountRow> {
  const acc = await repo.findAccountInScope(db, id, caller.scopePath);
  if (!acc) throw new AppError('NOT_FOUND');
  if (acc.id === caller.accountId) throw new AppError('FORBIDDEN', undefined, '不能在账号管理中操作自己的账号，请使用“修改密码”');
  const posts = await repo.listActivePosts(db, id);
  if (posts.some((p) => !p.orgPath.startsWith(caller.scopePath))) throw new AppError('ACCOUNT_OUT_OF_REACH');
  return acc;
}

/** A temporary password that meets the policy; the holder must change it at next login. */
export function temporaryPassword(): string {
  const pick = (s: string, n: number) => Array.from({ length: n }, () => s[randomInt(s.length)]).join('');
  return `${pick('ABCDEFGHJKMNPQRSTUVWXYZ', 2)}${pick('abcdefghjkmnpqrstuvwxyz', 4)}${pick('23456789', 4)}${pick('#@%&*', 1)}`;
}

async function oneAccountDto(deps: Deps, db: DbOrTx, caller: ScopedCaller, id: string) {
  const acc = await repo.findAccount(db, id);
  return (await toDtos(db, deps.crypto, [acc!], caller.scopePath, deps.now()))[0];
}

/** Reset by the upper organisation (seed 004): a temporary password, shown once, to be changed at login. */
export async function resetPasswordByUpper(deps: Deps, caller: ScopedCaller, actor: Actor, id: string) {
  const temp = temporaryPassword();
  const hash = await hashPassword(temp);
  await deps.db.transaction(async (tx) => {
    const acc = await getManageableAccount(tx, caller, id);
    // Also the way back for someone who lost the phone with the authenticator: they enrol again at login.
    await repo.updateAccount(tx, acc.id, {
      passwordHash: hash,
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
      passwordChangedAt: deps.now(),
      totpSecretEnc: null,
      totpPendingEnc: null,
      totpEnabledAt: null,
    });
    await revokeSessionsOfAccount(tx, acc.id);
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'account.password_reset', objectType: 'account', objectId: acc.id, after: { username: acc.username, totpCleared: !!acc.totpSecretEnc } });
  });
  return { temporaryPassword: temp };
}

type AccountAction = 'disable' | 'enable' | 'unlock';

/** Disables (killing its sessions), re-enables or unlocks an account. */
export async function changeAccountState(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, action: AccountAction) {
  return deps.db.transaction(async (tx) => {
    const acc = await getManageableAccount(tx, caller, id);
    if (action === 'disable') {
      await repo.updateAccount(tx, id, { status: 'disabled' });
      await revokeSessionsOfAccount(tx, id);
    } else if (action === 'enable') {
      await repo.updateAccount(tx, id, { status: 'active' });
    } else {
      await repo.updateAccount(tx, id, { failedLogins: 0, lockedUntil: null });
    }
    const auditAction = ({ disable: 'account.disabled', enable: 'account.enabled', unlock: 'account.unlocked' } as const)[action];
    await recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: auditAction,
      objectType: 'account',
      objectId: id,
      before: { status: acc.status, lockedUntil: acc.lockedUntil },
    });
    return oneAccountDto(deps, tx, caller, id);
  });
}

export async function listOrgPosts(deps: Deps, caller: ScopedCaller, orgId: string) {
  await getOrgInScope(deps.db, caller, orgId);
  const rows = await repo.listOrgPosts(deps.db, orgId);
  return rows.map((r) => ({ ...r, role: r.role as Role, createdAt: r.createdAt.toISOString() }));
}

/** Takes a post away from its holder; the caller cannot remove their own. */
export async function revokePost(deps: Deps, caller: ScopedCaller, actor: Actor, postId: string) {
  await deps.db.transaction(async (tx) => {
    const post = await repo.findPostInScope(tx, postId, caller.scopePath);
    if (!post) throw new AppError('NOT_FOUND');
    if (post.id === caller.post.id) throw new AppError('FORBIDDEN', undefined, '不能撤销自己正在使用的岗位');
    assertMayManagePost(caller, post.orgId, post.role, 'post');
    await repo.revokePost(tx, postId);
    await recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: 'post.revoked',
      objectType: 'post',
      objectId: postId,
      orgId: post.orgId,
      before: { accountId: post.accountId, role: post.role },
    });
  });
  return { ok: true as const };
}
