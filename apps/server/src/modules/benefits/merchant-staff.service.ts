import { randomInt } from 'node:crypto';
import { maskPhone, type MerchantKind, type MerchantMe, type MerchantStaff, type MerchantStaffCreateBody, type MerchantStaffCreated, type MerchantStatus } from '@gonghui/contracts';
import type { DbOrTx } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { AuthContext, ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { hashPassword } from '../../platform/passwords.js';
import { isUniqueViolation } from '../../platform/pg-errors.js';
import { findAccount, findAccountsByPhoneIndex, insertAccount, phoneMaskedOf, temporaryPassword } from '../accounts/index.js';
import { findOrg } from '../organisations/index.js';
import * as repo from './merchants.repository.js';
import { merchantInScope } from './merchants.service.js';

const staffExists = () => new AppError('MERCHANT_STAFF_EXISTS', [{ path: 'phone', message: '该手机号的账号已是商家店员' }]);

async function toStaffDto(db: DbOrTx, deps: Deps, s: repo.StaffRecord): Promise<MerchantStaff> {
  const acc = (await findAccount(db, s.accountId))!;
  return {
    id: s.id,
    accountId: acc.id,
    name: acc.name,
    username: acc.username,
    phoneMasked: phoneMaskedOf(deps.crypto, acc.phoneEnc),
    mustChangePassword: acc.mustChangePassword,
    createdAt: s.createdAt.toISOString(),
    revokedAt: s.revokedAt?.toISOString() ?? null,
  };
}

export async function listMerchantStaff(deps: Deps, caller: ScopedCaller, merchantId: string): Promise<{ items: MerchantStaff[] }> {
  await merchantInScope(deps.db, caller, merchantId);
  const rows = await repo.listStaff(deps.db, merchantId);
  return { items: await Promise.all(rows.map((s) => toStaffDto(deps.db, deps, s))) };
}

/**
 * 开通商家端账号 (seed 001 二.2: "用建立商家的手机号登录 … 首次登录为初始密码 … 登录后进行修改密码").
 * A phone with no account gets a new one with a one-time initial password that must be changed at
 * first login; a phone that already logs in (a member, say) keeps its password and only gains
 * the merchant. Either way it logs in through the ordinary phone login.
 */
export async function createMerchantStaff(deps: Deps, caller: ScopedCaller, actor: Actor, merchantId: string, body: MerchantStaffCreateBody): Promise<MerchantStaffCreated> {
  const phoneIndex = deps.crypto.blindIndex('phone', body.phone);
  const initial = temporaryPassword();
  const hash = await hashPassword(initial);
  const result = await deps.db
    .transaction(async (tx) => {
      const merchant = await merchantInScope(tx, caller, merchantId, true);
      const found = await findAccountsByPhoneIndex(tx, phoneIndex);
      // Two older accounts sharing a phone: the phone login names neither, so it cannot be a staff login.
      if (found.length > 1) throw new AppError('PHONE_TAKEN', [{ path: 'phone', message: '该手机号对应多个账号，无法用手机号登录，请换一个手机号' }], '该手机号对应多个账号，无法用手机号登录，请换一个手机号');
      let account = found[0];
      let created = false;
      if (!account) {
        account = await insertAccount(tx, {
          username: `sj${randomInt(10_000_000, 100_000_000)}${randomInt(100, 1000)}`,
          name: body.name,
          phoneEnc: deps.crypto.encrypt(body.phone),
          phoneIndex,
          passwordHash: hash,
          mustChangePassword: true,
          passwordChangedAt: deps.now(),
        });
        created = true;
        await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'account.registered', objectType: 'account', objectId: account.id, after: { username: account.username, name: account.name, by: 'merchant_staff' } });
      } else if (account.status !== 'active') {
        throw new AppError('ACCOUNT_DISABLED', [{ path: 'phone', message: '该手机号的账号已停用' }], '该手机号的账号已停用，请联系上级单位');
      }
      if (await repo.liveStaffOfAccount(tx, account.id)) throw staffExists();
      const staff = await repo.insertStaff(tx, { merchantId, accountId: account.id, createdBy: caller.accountId });
      await recordAudit(tx, deps.config.keys.auditKey, actor, {
        action: 'merchant_staff.created',
        objectType: 'merchant_staff',
        objectId: staff.id,
        orgId: merchant.orgId,
        after: { merchantId, merchantName: merchant.name, accountId: account.id, name: account.name, phoneMasked: maskPhone(body.phone), newAccount: created },
      });
      return { staff, created };
    })
    .catch((e) => {
      throw isUniqueViolation(e) ? staffExists() : e;
    });
  return { staff: await toStaffDto(deps.db, deps, result.staff), initialPassword: result.created ? initial : null };
}

/** 停用: the account stays (it may be a member's), but no longer acts for this merchant. */
export async function revokeMerchantStaff(deps: Deps, caller: ScopedCaller, actor: Actor, merchantId: string, staffId: string): Promise<MerchantStaff> {
  const staff = await deps.db.transaction(async (tx) => {
    const merchant = await merchantInScope(tx, caller, merchantId, true);
    const s = await repo.findStaff(tx, merchantId, staffId);
    if (!s) throw new AppError('NOT_FOUND');
    if (s.revokedAt) return s;
    const revoked = (await repo.revokeStaff(tx, staffId, deps.now()))!;
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'merchant_staff.revoked', objectType: 'merchant_staff', objectId: staffId, orgId: merchant.orgId, after: { merchantId, accountId: s.accountId } });
    return revoked;
  });
  return toStaffDto(deps.db, deps, staff);
}

/** The merchant a logged-in staff account serves now; anyone else is refused. For the merchant app's routes. */
export async function requireMerchantStaff(deps: Deps, auth: AuthContext): Promise<{ staff: repo.StaffRecord; merchant: repo.MerchantRecord }> {
  const staff = await repo.liveStaffOfAccount(deps.db, auth.accountId);
  if (!staff) throw new AppError('NOT_MERCHANT_STAFF');
  const merchant = (await repo.findMerchant(deps.db, staff.merchantId))!;
  return { staff, merchant };
}

/** `GET /api/merchant/me`. */
export async function merchantMe(deps: Deps, auth: AuthContext): Promise<MerchantMe> {
  const { staff, merchant } = await requireMerchantStaff(deps, auth);
  const acc = (await findAccount(deps.db, auth.accountId))!;
  const org = await findOrg(deps.db, merchant.orgId);
  return {
    staffId: staff.id,
    account: { id: acc.id, name: acc.name, phoneMasked: phoneMaskedOf(deps.crypto, acc.phoneEnc) },
    merchant: {
      id: merchant.id,
      name: merchant.name,
      kind: merchant.kind as MerchantKind,
      status: merchant.status as MerchantStatus,
      address: merchant.address,
      orgName: org?.name ?? '',
      hasLogo: !!merchant.logoImage,
    },
  };
}
