import { randomInt } from 'node:crypto';
import type { Role } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { AuthContext, ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { isUniqueViolation } from '../../platform/pg-errors.js';
import { getOrgInScope } from '../organisations/index.js';
import * as repo from './accounts.repository.js';
import { assertMayManagePost } from './accounts.policy.js';

// No 0/O, 1/I/L: codes are read aloud and typed by hand.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const normalizeActivationCode = (raw: string) => raw.toUpperCase().replace(/[\s-]/g, '');

function generateCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}
const formatCode = (c: string) => c.match(/.{4}/g)!.join('-');

function statusOf(v: repo.ActivationCodeView, now: Date) {
  if (v.usedAt) return 'used' as const;
  if (v.revokedAt) return 'revoked' as const;
  if (v.expiresAt <= now) return 'expired' as const;
  return 'unused' as const;
}

export function toActivationCodeDto(v: repo.ActivationCodeView, now: Date) {
  return {
    id: v.id,
    orgId: v.orgId,
    orgName: v.orgName,
    role: v.role as Role,
    codeHint: `****-****-${v.codeHint}`,
    status: statusOf(v, now),
    expiresAt: v.expiresAt.toISOString(),
    createdAt: v.createdAt.toISOString(),
    createdByName: v.createdByName,
    usedAt: v.usedAt?.toISOString() ?? null,
    usedByName: v.usedByName,
    note: v.note,
  };
}

/**
 * Issues a one-time post activation code (岗位激活码) for an organisation in scope.
 * Business operators issue operator posts for organisations below their own; security admins
 * issue any role within their subtree.
 */
export async function issueActivationCode(
  deps: Deps,
  caller: ScopedCaller,
  actor: Actor,
  orgId: string,
  body: { role: Role; validDays: number; note: string | null },
) {
  return deps.db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, caller, orgId);
    if (org.status !== 'active') throw new AppError('ORG_REVOKED');
    assertMayManagePost(caller, org.id, body.role);
    const now = deps.now();
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = generateCode();
      try {
        const row = await repo.insertActivationCode(tx, {
          orgId,
          role: body.role,
          codeHash: deps.crypto.secretHash('activation', code),
          codeHint: code.slice(-4),
          expiresAt: new Date(now.getTime() + body.validDays * 86_400_000),
          createdBy: caller.accountId,
          note: body.note,
        });
        await recordAudit(tx, deps.config.keys.auditKey, actor, {
          action: 'activation_code.issued',
          objectType: 'activation_code',
          objectId: row.id,
          orgId,
          after: { role: row.role, expiresAt: row.expiresAt, codeHint: row.codeHint, note: row.note },
        });
        const view = await repo.findActivationCodeInScope(tx, row.id, caller.scopePath);
        return { ...toActivationCodeDto(view!, now), code: formatCode(code) };
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
      }
    }
    throw new AppError('INTERNAL');
  });
}

export async function listActivationCodes(deps: Deps, caller: ScopedCaller, orgId: string, page: number, pageSize: number) {
  await getOrgInScope(deps.db, caller, orgId);
  const r = await repo.listActivationCodes(deps.db, orgId, page, pageSize);
  const now = deps.now();
  return { items: r.items.map((v) => toActivationCodeDto(v, now)), total: r.total, page, pageSize };
}

/** Revokes an unused code; a used or already revoked one cannot be. */
export async function revokeActivationCode(deps: Deps, caller: ScopedCaller, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => {
    const v = await repo.findActivationCodeInScope(tx, id, caller.scopePath);
    if (!v) throw new AppError('NOT_FOUND');
    assertMayManagePost(caller, v.orgId, v.role, 'code');
    if (!(await repo.revokeActivationCode(tx, id))) throw new AppError('BAD_REQUEST', undefined, '该激活码已使用或已撤销，无法撤销');
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'activation_code.revoked', objectType: 'activation_code', objectId: id, orgId: v.orgId });
    return toActivationCodeDto((await repo.findActivationCodeInScope(tx, id, caller.scopePath))!, deps.now());
  });
}

/** Binds the post behind an activation code to the calling account; the code is spent only on success. */
export async function bindPostWithCode(deps: Deps, auth: AuthContext, actor: Actor, rawCode: string): Promise<string> {
  const code = normalizeActivationCode(rawCode);
  if (!/^[A-Z0-9]{12}$/.test(code)) throw fieldError('code', '岗位激活码应为12位字母和数字');
  return deps.db.transaction(async (tx) => {
    const used = await repo.consumeActivationCode(tx, deps.crypto.secretHash('activation', code), auth.accountId, deps.now());
    if (!used) throw new AppError('ACTIVATION_CODE_INVALID', [{ path: 'code', message: '岗位激活码无效、已使用、已撤销或已过期' }]);
    try {
      const post = await tx.transaction(async (sp) => repo.insertPost(sp, { accountId: auth.accountId, orgId: used.orgId, role: used.role }));
      await recordAudit(tx, deps.config.keys.auditKey, actor, {
        action: 'post.bound',
        objectType: 'post',
        objectId: post.id,
        orgId: used.orgId,
        after: { accountId: auth.accountId, role: used.role, activationCodeId: used.id },
      });
      return post.id;
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('POST_ALREADY_HELD');
      throw e;
    }
  });
}
