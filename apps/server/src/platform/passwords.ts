import { hash, verify } from '@node-rs/argon2';
import { checkPassword } from '@gonghui/contracts';
import { AppError } from './errors.js';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const params = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (pw: string) => hash(pw, params);

let dummy: Promise<string> | undefined;
/** Verifies; for unknown accounts pass null and it still spends the same time (no user enumeration). */
export async function verifyPassword(stored: string | null, pw: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hashPassword('dummy-password-for-timing');
    await verify(await dummy, pw).catch(() => false);
    return false;
  }
  return verify(stored, pw).catch(() => false);
}

/** Throws PASSWORD_WEAK with the reasons on the given field when the policy is not met. */
export function assertStrongPassword(pw: string, username: string, field = 'newPassword'): void {
  const r = checkPassword(pw, username);
  if (!r.ok) throw new AppError('PASSWORD_WEAK', [{ path: field, message: r.reasons.join('；') }], `密码不符合安全要求：${r.reasons.join('；')}`);
}
