import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { AuthContext } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { verifyPassword } from '../../platform/passwords.js';
import * as accountsRepo from '../accounts/accounts.repository.js';

const ISSUER = '工会网上工作平台';
const PERIOD_S = 30;

const totpOf = (secretBase32: string, label: string) =>
  new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD_S, secret: OTPAuth.Secret.fromBase32(secretBase32) });

/** The time step a code belongs to (one step of clock drift either way), or null when it matches none. */
function matchingStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totpOf(secretBase32, '').validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_S) + delta;
}

/** Platform operators (posts at the city federation) must have a second factor (SECURITY.md). */
export function totpRequiredFor(posts: { orgKind: string }[]): boolean {
  return posts.some((p) => p.orgKind === 'city_federation');
}

/** Starts (or restarts) enrolment: a new secret, kept aside until a code proves the app has it. */
export async function startTotpSetup(deps: Deps, auth: AuthContext) {
  // Replacing a working factor from a session alone would let a stolen session take the account over.
  if (auth.totpEnabled) throw new AppError('TOTP_ALREADY_ENABLED');
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await accountsRepo.updateAccount(deps.db, auth.accountId, { totpPendingEnc: deps.crypto.encrypt(secret) });
  const otpauthUri = totpOf(secret, auth.username).toString();
  return { secret, otpauthUri, qrDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 }) };
}

/** Spends a code for an account: valid for its secret and later than any code used before (no replay). */
export async function consumeTotp(deps: Deps, acc: accountsRepo.AccountRow, code: string): Promise<boolean> {
  if (!acc.totpSecretEnc) return false;
  const step = matchingStep(deps.crypto.decrypt(acc.totpSecretEnc), code, deps.now());
  return step !== null && accountsRepo.advanceTotpStep(deps.db, acc.id, step);
}

/** Finishes enrolment with a code from the authenticator app. */
export async function enableTotp(deps: Deps, auth: AuthContext, actor: Actor, code: string): Promise<void> {
  const acc = await accountsRepo.findAccount(deps.db, auth.accountId);
  const pending = acc?.totpPendingEnc ? deps.crypto.decrypt(acc.totpPendingEnc) : null;
  const step = pending ? matchingStep(pending, code, deps.now()) : null;
  if (!acc || acc.totpSecretEnc || !pending || step === null)
    throw new AppError('TOTP_CODE_WRONG', [{ path: 'code', message: '动态验证码错误，请核对手机时间后重试' }], '动态验证码错误，请核对手机时间后重试');
  await deps.db.transaction(async (tx) => {
    await accountsRepo.updateAccount(tx, acc.id, { totpSecretEnc: acc.totpPendingEnc, totpPendingEnc: null, totpEnabledAt: deps.now(), totpLastStep: step });
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'auth.totp_enabled', objectType: 'account', objectId: acc.id });
  });
}

/** Removes the second factor, with the password and a current code; platform operators may not. */
export async function disableTotp(deps: Deps, auth: AuthContext, actor: Actor, body: { currentPassword: string; code: string }): Promise<void> {
  if (auth.totpRequired) throw new AppError('TOTP_REQUIRED_FOR_ROLE');
  const acc = await accountsRepo.findAccount(deps.db, auth.accountId);
  if (!acc || !(await verifyPassword(acc.passwordHash, body.currentPassword)))
    throw new AppError('PASSWORD_WRONG', [{ path: 'currentPassword', message: '原密码不正确' }]);
  if (!(await consumeTotp(deps, acc, body.code))) throw new AppError('TOTP_CODE_WRONG', [{ path: 'code', message: '动态验证码错误或已使用' }]);
  await deps.db.transaction(async (tx) => {
    await accountsRepo.updateAccount(tx, acc.id, { totpSecretEnc: null, totpPendingEnc: null, totpEnabledAt: null, totpLastStep: null });
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'auth.totp_disabled', objectType: 'account', objectId: acc.id });
  });
}
