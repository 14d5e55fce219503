import { randomInt } from 'node:crypto';
import { checkPhone, rolePermissions, type Role, type SessionInfo } from '@gonghui/contracts';
import type { DbOrTx } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { AuthContext } from '../../platform/auth-context.js';
import { randomToken, sha256 } from '../../platform/crypto.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { assertStrongPassword, hashPassword, verifyPassword } from '../../platform/passwords.js';
import { isUniqueViolation } from '../../platform/pg-errors.js';
import * as accountsRepo from '../accounts/accounts.repository.js';
import { phoneMaskedOf } from '../accounts/accounts.service.js';
import { consumeCaptcha } from './captcha.service.js';
import * as sessionsRepo from './sessions.repository.js';
import { consumeSmsCode, sendSmsCode, type SmsPurpose } from './sms-codes.service.js';
import { consumeTotp, totpRequiredFor } from './totp.service.js';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** Looks up the session behind a cookie token: null when unknown, revoked, idle too long or past its absolute end. */
export async function resolveSession(deps: Deps, token: string): Promise<AuthContext | null> {
  return loadSession(deps, sha256(token));
}

/** Reloads the caller's session after it changed (post switched or bound). */
export const resolveSessionById = (deps: Deps, auth: AuthContext) => loadSession(deps, auth.sessionId);

async function loadSession(deps: Deps, id: string): Promise<AuthContext | null> {
  const rows = await sessionsRepo.findSessionWithAccount(deps.db, id);
  const now = deps.now();
  const s = rows[0]?.session;
  if (!s || s.revokedAt || s.expiresAt <= now || now.getTime() - s.lastSeenAt.getTime() > deps.config.session.idleMs) return null;
  const acc = rows[0].account;
  if (acc.status !== 'active') return null;
  // The posts listActivePosts would give: not revoked, at an active organisation.
  const posts = rows.flatMap(({ post: p }) =>
    p?.id && p.orgId && p.orgPath && p.orgName && p.orgKind && p.role && p.orgStatus === 'active'
      ? [{ id: p.id, orgId: p.orgId, orgPath: p.orgPath, orgName: p.orgName, orgKind: p.orgKind, role: p.role as Role }]
      : [],
  );
  const post = posts.find((p) => p.id === s.activePostId) ?? null;
  // Writing on every request would serialise readers; a minute's precision is enough for a 30-minute idle limit.
  if (now.getTime() - s.lastSeenAt.getTime() > 60_000) await sessionsRepo.touchSession(deps.db, s.id, now);
  return {
    sessionId: s.id,
    accountId: acc.id,
    username: acc.username,
    name: acc.name,
    csrfToken: s.csrfToken,
    mustChangePassword: acc.mustChangePassword,
    passwordExpired: posts.length > 0 && now.getTime() - acc.passwordChangedAt.getTime() > deps.config.passwordMaxAgeDays * 86_400_000,
    totpEnabled: !!acc.totpSecretEnc,
    totpRequired: totpRequiredFor(posts),
    post,
  };
}

/** What the console needs to know about the caller. */
export async function sessionInfo(deps: Deps, auth: AuthContext): Promise<SessionInfo> {
  const acc = await accountsRepo.findAccount(deps.db, auth.accountId);
  const posts = await accountsRepo.listActivePosts(deps.db, auth.accountId);
  const dto = (p: accountsRepo.PostWithOrg) => ({ id: p.id, orgId: p.orgId, orgName: p.orgName, orgKind: p.orgKind, role: p.role as Role });
  const active = posts.find((p) => p.id === auth.post?.id);
  return {
    account: { id: acc!.id, username: acc!.username, name: acc!.name, phoneMasked: phoneMaskedOf(deps.crypto, acc!.phoneEnc), region: acc!.region },
    posts: posts.map(dto),
    activePost: active ? dto(active) : null,
    permissions: active ? [...rolePermissions[active.role as Role]] : [],
    mustChangePassword: auth.mustChangePassword,
    passwordExpired: auth.passwordExpired,
    totpEnabled: !!acc!.totpSecretEnc,
    totpRequired: totpRequiredFor(posts),
    csrfToken: auth.csrfToken,
  };
}

async function openSession(deps: Deps, acc: accountsRepo.AccountRow, meta: RequestMeta, tx: DbOrTx) {
  const posts = await accountsRepo.listActivePosts(tx, acc.id);
  const post = posts.find((p) => p.id === acc.lastPostId) ?? posts[0] ?? null;
  const token = randomToken(32);
  const now = deps.now();
  await sessionsRepo.insertSession(tx, {
    id: sha256(token),
    accountId: acc.id,
    activePostId: post?.id ?? null,
    csrfToken: randomToken(24),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + deps.config.session.absoluteMs),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/**
 * The account a phone number logs in to (member app: 账号/手机号登录). Usernames cannot be phone
 * numbers' twins by accident (a username is tried first); a phone shared by two older accounts
 * names neither, and those log in by username.
 */
async function accountByPhone(deps: Deps, typed: string): Promise<accountsRepo.AccountRow | undefined> {
  const phone = checkPhone(typed);
  if (!phone.ok) return undefined;
  const found = await accountsRepo.findAccountsByPhoneIndex(deps.db, deps.crypto.blindIndex('phone', phone.value));
  return found.length === 1 ? found[0] : undefined;
}

/** The account a login form names: by username, else by the phone it registered with. */
export async function accountOf(deps: Deps, typed: string): Promise<accountsRepo.AccountRow | undefined> {
  return (await accountsRepo.findAccountByUsername(deps.db, typed)) ?? (await accountByPhone(deps, typed));
}

/** Password login with captcha; 5 failures lock the account for 15 minutes. Returns a new session token. */
export async function login(
  deps: Deps,
  body: { username: string; password: string; captchaId: string; captchaAnswer: string; totpCode?: string },
  meta: RequestMeta,
): Promise<string> {
  await consumeCaptcha(deps, body.captchaId, body.captchaAnswer);
  const key = deps.config.keys.auditKey;
  const acc = await accountOf(deps, body.username);
  const now = deps.now();
  // What a stranger typed may be a phone or ID number: long digit runs are masked before the append-only log keeps them.
  const typed = acc ? acc.username : body.username.slice(0, 64).replace(/\d{7,}/g, (d) => `${d.slice(0, 3)}${'*'.repeat(d.length - 7)}${d.slice(-4)}`);
  const failActor: Actor = { accountId: acc?.id ?? null, username: typed, name: acc?.name ?? null, orgId: null, ip: meta.ip };
  if (!acc) {
    await verifyPassword(null, body.password);
    await deps.db.transaction((tx) => recordAudit(tx, key, failActor, { action: 'auth.login_failed', result: 'failure', after: { reason: 'unknown_user' } }));
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (acc.lockedUntil && acc.lockedUntil > now) {
    await deps.db.transaction((tx) => recordAudit(tx, key, failActor, { action: 'auth.login_failed', objectType: 'account', objectId: acc.id, result: 'failure', after: { reason: 'locked' } }));
    throw new AppError('ACCOUNT_LOCKED');
  }
  /** A wrong password or second factor counts towards the lockout, in its own committed transaction. */
  const failed = async (reason: 'bad_password' | 'bad_totp') => {
    const lockUntil = new Date(now.getTime() + deps.config.lockout.lockMs);
    return deps.db.transaction(async (tx) => {
      const r = await accountsRepo.registerFailedLogin(tx, acc.id, deps.config.lockout.maxFailures, lockUntil);
      await recordAudit(tx, key, failActor, { action: 'auth.login_failed', objectType: 'account', objectId: acc.id, result: 'failure', after: { reason } });
      if (r.locked) await recordAudit(tx, key, failActor, { action: 'auth.locked', objectType: 'account', objectId: acc.id, result: 'failure', after: { lockedUntil: lockUntil } });
      return r.locked;
    });
  };
  if (!(await verifyPassword(acc.passwordHash, body.password))) {
    throw new AppError((await failed('bad_password')) ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
  }
  if (acc.totpSecretEnc) {
    if (!body.totpCode) throw new AppError('TOTP_REQUIRED', [{ path: 'totpCode', message: '请输入身份验证器中的6位动态验证码' }]);
    if (!(await consumeTotp(deps, acc, body.totpCode))) {
      if (await failed('bad_totp')) throw new AppError('ACCOUNT_LOCKED');
      throw new AppError('TOTP_INVALID', [{ path: 'totpCode', message: '动态验证码错误或已使用' }]);
    }
  }
  if (acc.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  return deps.db.transaction(async (tx) => {
    await accountsRepo.updateAccount(tx, acc.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    const token = await openSession(deps, acc, meta, tx);
    await recordAudit(tx, key, { ...failActor, accountId: acc.id }, { action: 'auth.login', objectType: 'account', objectId: acc.id });
    return token;
  });
}

export async function logout(deps: Deps, auth: AuthContext, actor: Actor): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await sessionsRepo.revokeSession(tx, auth.sessionId);
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'auth.logout', objectType: 'account', objectId: auth.accountId });
  });
}

/** Changes the caller's own password; other sessions of the account end. */
export async function changePassword(deps: Deps, auth: AuthContext, actor: Actor, body: { currentPassword: string; newPassword: string }): Promise<void> {
  const acc = await accountsRepo.findAccount(deps.db, auth.accountId);
  if (!acc || !(await verifyPassword(acc.passwordHash, body.currentPassword)))
    throw new AppError('PASSWORD_WRONG', [{ path: 'currentPassword', message: '原密码不正确' }]);
  if (body.currentPassword === body.newPassword) throw new AppError('PASSWORD_REUSED', [{ path: 'newPassword', message: '新密码不能与原密码相同' }]);
  assertStrongPassword(body.newPassword, acc.username);
  const hash = await hashPassword(body.newPassword);
  await deps.db.transaction(async (tx) => {
    await accountsRepo.updateAccount(tx, acc.id, { passwordHash: hash, mustChangePassword: false, passwordChangedAt: deps.now() });
    await sessionsRepo.revokeSessionsOfAccount(tx, acc.id, auth.sessionId);
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'auth.password_changed', objectType: 'account', objectId: acc.id });
  });
}

/** Acts in another of the account's posts from now on. */
export async function switchPost(deps: Deps, auth: AuthContext, actor: Actor, postId: string): Promise<void> {
  const posts = await accountsRepo.listActivePosts(deps.db, auth.accountId);
  const post = posts.find((p) => p.id === postId);
  if (!post) throw new AppError('NOT_FOUND');
  await deps.db.transaction(async (tx) => {
    await sessionsRepo.setActivePost(tx, auth.sessionId, post.id);
    await accountsRepo.updateAccount(tx, auth.accountId, { lastPostId: post.id });
    await recordAudit(tx, deps.config.keys.auditKey, { ...actor, orgId: post.orgId }, { action: 'auth.switch_post', objectType: 'post', objectId: post.id, orgId: post.orgId });
  });
}

/** After binding a post, act in it. */
export async function actInPost(deps: Deps, auth: AuthContext, postId: string): Promise<void> {
  await sessionsRepo.setActivePost(deps.db, auth.sessionId, postId);
  await accountsRepo.updateAccount(deps.db, auth.accountId, { lastPostId: postId });
}

function normalizedPhone(raw: string): string {
  const r = checkPhone(raw);
  if (!r.ok) throw fieldError('phone', r.reason);
  return r.value;
}

/** Sends a registration or password-reset code; for resets, nothing tells a stranger whether the account exists. */
export async function requestSmsCode(
  deps: Deps,
  body: { purpose: SmsPurpose; phone: string; username?: string; captchaId: string; captchaAnswer: string },
): Promise<void> {
  await consumeCaptcha(deps, body.captchaId, body.captchaAnswer);
  const phone = normalizedPhone(body.phone);
  if (body.purpose === 'reset_password') {
    if (!body.username) throw fieldError('username', '请输入用户名');
    const acc = await accountOf(deps, body.username);
    if (!acc || acc.status !== 'active' || acc.phoneIndex !== deps.crypto.blindIndex('phone', phone)) return;
  }
  await sendSmsCode(deps, phone, body.purpose);
}

/** Self-registration with a verified phone; the new account starts with no post. */
export async function register(
  deps: Deps,
  body: { username?: string; name?: string; phone: string; smsCode: string; password: string; region?: string },
  meta: RequestMeta,
): Promise<string> {
  const phone = normalizedPhone(body.phone);
  // The member app asks no username: a generated one (never the phone, which must not sit in clear).
  const username = body.username ?? `gh${randomInt(10_000_000, 100_000_000)}${randomInt(100, 1000)}`;
  assertStrongPassword(body.password, username, 'password');
  // A username that is a phone number would shadow that phone's own login.
  if (checkPhone(username).ok) throw fieldError('username', '用户名不能是手机号');
  if (await accountsRepo.findAccountByUsername(deps.db, username)) throw new AppError('USERNAME_TAKEN', [{ path: 'username', message: '该用户名已被注册' }]);
  await consumeSmsCode(deps, phone, 'register', body.smsCode);
  // Checked only once the code proved the phone is the caller's, so it tells a stranger nothing.
  const phoneIndex = deps.crypto.blindIndex('phone', phone);
  if ((await accountsRepo.findAccountsByPhoneIndex(deps.db, phoneIndex)).length > 0) throw new AppError('PHONE_TAKEN', [{ path: 'phone', message: '该手机号已注册' }]);
  const hash = await hashPassword(body.password);
  return deps.db.transaction(async (tx) => {
    let acc: accountsRepo.AccountRow;
    try {
      acc = await accountsRepo.insertAccount(tx, {
        username,
        name: body.name ?? '会员',
        phoneEnc: deps.crypto.encrypt(phone),
        phoneIndex,
        region: body.region ?? null,
        passwordHash: hash,
        passwordChangedAt: deps.now(),
      });
    } catch (e) {
      // Two registrations racing for one username: the unique index decides.
      if (isUniqueViolation(e)) throw new AppError('USERNAME_TAKEN', [{ path: 'username', message: '该用户名已被注册' }]);
      throw e;
    }
    const token = await openSession(deps, acc, meta, tx);
    await recordAudit(tx, deps.config.keys.auditKey, { accountId: acc.id, username: acc.username, name: acc.name, orgId: null, ip: meta.ip }, {
      action: 'account.registered',
      objectType: 'account',
      objectId: acc.id,
      after: { username: acc.username, name: acc.name, region: acc.region },
    });
    return token;
  });
}

/**
 * An enterprise registers with its e-mail as the username (seed 002 §1), captcha-checked; the
 * account carries the unit's name and holds no post until its filing is approved.
 */
export async function registerByEmail(
  deps: Deps,
  body: { email: string; password: string; unitName: string; captchaId: string; captchaAnswer: string },
  meta: RequestMeta,
): Promise<string> {
  await consumeCaptcha(deps, body.captchaId, body.captchaAnswer);
  assertStrongPassword(body.password, body.email, 'password');
  const taken = () => new AppError('USERNAME_TAKEN', [{ path: 'email', message: '该邮箱已注册，请直接登录' }], '该邮箱已注册，请直接登录');
  if (await accountsRepo.findAccountByUsername(deps.db, body.email)) throw taken();
  const hash = await hashPassword(body.password);
  return deps.db.transaction(async (tx) => {
    let acc: accountsRepo.AccountRow;
    try {
      acc = await accountsRepo.insertAccount(tx, { username: body.email, name: body.unitName, passwordHash: hash, passwordChangedAt: deps.now() });
    } catch (e) {
      if (isUniqueViolation(e)) throw taken();
      throw e;
    }
    const token = await openSession(deps, acc, meta, tx);
    await recordAudit(tx, deps.config.keys.auditKey, { accountId: acc.id, username: acc.username, name: acc.name, orgId: null, ip: meta.ip }, {
      action: 'account.registered',
      objectType: 'account',
      objectId: acc.id,
      after: { username: acc.username, name: acc.name, via: 'email' },
    });
    return token;
  });
}

/** Self-service reset with a code sent to the account's own phone. */
export async function resetPasswordBySms(
  deps: Deps,
  body: { username: string; phone: string; smsCode: string; newPassword: string },
  meta: RequestMeta,
): Promise<void> {
  const phone = normalizedPhone(body.phone);
  const acc = await accountOf(deps, body.username);
  const invalid = new AppError('SMS_CODE_INVALID', [{ path: 'smsCode', message: '短信验证码错误或已过期' }]);
  // A disabled account stays disabled: only its upper organisation can bring it back.
  if (!acc || acc.status !== 'active' || acc.phoneIndex !== deps.crypto.blindIndex('phone', phone)) throw invalid;
  assertStrongPassword(body.newPassword, acc.username);
  await consumeSmsCode(deps, phone, 'reset_password', body.smsCode);
  const hash = await hashPassword(body.newPassword);
  await deps.db.transaction(async (tx) => {
    await accountsRepo.updateAccount(tx, acc.id, { passwordHash: hash, mustChangePassword: false, passwordChangedAt: deps.now(), failedLogins: 0, lockedUntil: null });
    await sessionsRepo.revokeSessionsOfAccount(tx, acc.id);
    await recordAudit(tx, deps.config.keys.auditKey, { accountId: acc.id, username: acc.username, name: acc.name, orgId: null, ip: meta.ip }, {
      action: 'auth.password_reset_sms',
      objectType: 'account',
      objectId: acc.id,
    });
  });
}
