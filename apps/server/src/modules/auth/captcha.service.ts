import svgCaptcha from 'svg-captcha';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './verification.repository.js';

const TTL_MS = 5 * 60_000;

/** A new image captcha; the answer stays on the server. */
export async function createCaptcha(deps: Deps): Promise<{ captchaId: string; svg: string }> {
  const c = svgCaptcha.create({ size: 4, noise: 2, ignoreChars: '0oO1iIlL', color: true, background: '#f4f6f9', width: 120, height: 40 });
  const captchaId = await repo.insertCaptcha(deps.db, c.text.toLowerCase(), new Date(deps.now().getTime() + TTL_MS));
  return { captchaId, svg: c.data };
}

/** Spends the captcha whatever the answer (one guess per image); throws when wrong or stale. */
export async function consumeCaptcha(deps: Deps, id: string, answer: string): Promise<void> {
  const expected = await repo.spendCaptcha(deps.db, id, deps.now());
  if (!expected || expected !== answer.trim().toLowerCase())
    throw new AppError('CAPTCHA_INVALID', [{ path: 'captchaAnswer', message: '验证码错误或已过期，请重新输入' }]);
}
