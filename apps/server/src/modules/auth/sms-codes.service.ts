import { randomInt } from 'node:crypto';
import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { smsCodes } from './auth.table.js';

const TTL_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;
const texts = {
  register: (c: string) => `【工会网上工作平台】您正在注册账号，验证码 ${c}，5分钟内有效。请勿告诉他人。`,
  reset_password: (c: string) => `【工会网上工作平台】您正在重置密码，验证码 ${c}，5分钟内有效。如非本人操作请忽略。`,
} as const;
export type SmsPurpose = keyof typeof texts;

/** Sends a 6-digit code: at most one a minute and ten a day per phone. */
export async function sendSmsCode(deps: Deps, phone: string, purpose: SmsPurpose): Promise<void> {
  const phoneIndex = deps.crypto.blindIndex('phone', phone);
  const now = deps.now();
  const [recent] = await deps.db
    .select({ n: count() })
    .from(smsCodes)
    .where(and(eq(smsCodes.phoneIndex, phoneIndex), gt(smsCodes.createdAt, new Date(now.getTime() - 60_000))));
  const [today] = await deps.db
    .select({ n: count() })
    .from(smsCodes)
    .where(and(eq(smsCodes.phoneIndex, phoneIndex), gt(smsCodes.createdAt, new Date(now.getTime() - 86_400_000))));
  if (recent.n > 0 || today.n >= 10) throw new AppError('SMS_TOO_FREQUENT');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await deps.db.insert(smsCodes).values({
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
  const [row] = await deps.db
    .select()
    .from(smsCodes)
    .where(and(eq(smsCodes.phoneIndex, phoneIndex), eq(smsCodes.purpose, purpose), isNull(smsCodes.usedAt), gt(smsCodes.expiresAt, deps.now())))
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  const invalid = new AppError('SMS_CODE_INVALID', [{ path: 'smsCode', message: '短信验证码错误或已过期' }]);
  if (!row || row.attempts >= MAX_ATTEMPTS) throw invalid;
  if (row.codeHash !== deps.crypto.secretHash('sms', code)) {
    await deps.db.update(smsCodes).set({ attempts: sql`${smsCodes.attempts} + 1` }).where(eq(smsCodes.id, row.id));
    throw invalid;
  }
  const spent = await deps.db
    .update(smsCodes)
    .set({ usedAt: deps.now() })
    .where(and(eq(smsCodes.id, row.id), isNull(smsCodes.usedAt)))
    .returning({ id: smsCodes.id });
  if (spent.length !== 1) throw invalid;
}
