import { randomInt } from 'node:crypto';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './verification.repository.js';

const TTL_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;
const texts = {
  register: (c: string) => `【工会网上工作平台】您正在注册账号，验证码 ${c}，5分钟内有效。请勿告诉他人。`,
  reset_password: (c: string) => `【工会网上工作平台】您正在重置密码，验证码 ${c}，5分钟内有效。如非本人操作请忽略。`,
  change_phone: (c: string) => `【工会网上工作平台】您正在将账号绑定到本手机号，验证码 ${c}，5分钟内有效。如非本人操作请忽略。`,
} as const;
export type SmsPurpose = keyof typeof texts;

/** Sends a 6-digit code: at most one a minute and ten a day per phone. */
export async function sendSmsCode(deps: Deps, phone: string, purpose: SmsPurpose): Promise<void> {
  const phoneIndex = deps.crypto.blindIndex('phone', phone);
  const now = deps.now();
  const lastMinute = await repo.countSmsCodesSince(deps.db, phoneIndex, new Date(now.getTime() - 60_000));
  const lastDay = await repo.countSmsCodesSince(deps.db, phoneIndex, new Date(now.getTime() - 86_400_000));
  if (lastMinute > 0 || lastDay >= 10) throw new AppError('SMS_TOO_FREQUENT');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await repo.insertSmsCode(deps.db, {
    phoneIndex,
    purpose,
    codeHash: deps.crypto.secretHash('sms', code),
    expiresAt: new Date(now.getTime() + TTL_MS),
    createdAt: now,
  });
  try {
    await deps.sms.send(phone, texts[purpose](code));
  } catch {
    throw new AppError('SMS_FAILED');
  }
}

/** Checks and spends the newest code for this phone and purpose; a few wrong tries burn it. */
export async function consumeSmsCode(deps: Deps, phone: string, purpose: SmsPurpose, code: string): Promise<void> {
  const phoneIndex = deps.crypto.blindIndex('phone', phone);
  const row = await repo.findLiveSmsCode(deps.db, phoneIndex, purpose, deps.now());
  const invalid = new AppError('SMS_CODE_INVALID', [{ path: 'smsCode', message: '短信验证码错误或已过期' }]);
  if (!row || row.attempts >= MAX_ATTEMPTS) throw invalid;
  if (row.codeHash !== deps.crypto.secretHash('sms', code)) {
    await repo.countSmsAttempt(deps.db, row.id);
    throw invalid;
  }
  if (!(await repo.spendSmsCode(deps.db, row.id, deps.now()))) throw invalid;
}
