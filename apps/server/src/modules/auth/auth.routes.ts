import {
  bindPostBodySchema,
  captchaResponseSchema,
  changePasswordBodySchema,
  loginBodySchema,
  okSchema,
  registerBodySchema,
  resetPasswordBodySchema,
  sessionInfoSchema,
  smsCodeBodySchema,
  switchPostBodySchema,
  totpDisableBodySchema,
  totpEnableBodySchema,
  totpSetupSchema,
} from '@gonghui/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, sessionOf } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { bindPostWithCode } from '../accounts/activation-codes.service.js';
import * as svc from './auth.service.js';
import { createCaptcha } from './captcha.service.js';
import { disableTotp, enableTotp, startTotpSetup } from './totp.service.js';

const tags = ['登录与账号'];

export const sessionCookieName = (deps: Deps) => (deps.config.cookieSecure ? '__Host-gh_sid' : 'gh_sid');

const metaOf = (req: FastifyRequest) => ({ ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null });

export function authRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookie = sessionCookieName(deps);

  /**
   * A fresh token in a fresh cookie: the session id is rotated at every login. The cookie is
   * persistent for the session's absolute lifetime (12 h), so a phone's browser restart does not
   * log the member out; the server still ends the session after 30 idle minutes or at 12 h.
   */
  async function startSession(req: FastifyRequest, reply: FastifyReply, token: string) {
    reply.setCookie(cookie, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.cookieSecure,
      maxAge: Math.floor(deps.config.session.absoluteMs / 1000),
    });
    const auth = await svc.resolveSession(deps, token);
    if (!auth) throw new AppError('INTERNAL');
    req.auth = auth;
    return svc.sessionInfo(deps, auth);
  }

  r.get('/api/auth/captcha', {
    config: { access: 'public', rateLimit: { max: deps.config.rateLimits.login * 2, timeWindow: '1 minute' } },
    schema: { tags, summary: '获取图形验证码', response: { 200: captchaResponseSchema } },
    handler: async () => createCaptcha(deps),
  });

  r.post('/api/auth/login', {
    config: { access: 'public', rateLimit: { max: deps.config.rateLimits.login, timeWindow: '1 minute' } },
    schema: { tags, summary: '账号或手机号 + 密码登录（需图形验证码）', body: loginBodySchema, response: { 200: sessionInfoSchema } },
    handler: async (req, reply) => startSession(req, reply, await svc.login(deps, req.body, metaOf(req))),
  });

  r.post('/api/auth/logout', {
    config: { access: 'password-change' },
    schema: { tags, summary: '退出登录', response: { 200: okSchema } },
    handler: async (req, reply) => {
      await svc.logout(deps, sessionOf(req), actorOf(req));
      reply.clearCookie(cookie, { path: '/' });
      return { ok: true as const };
    },
  });

  r.get('/api/auth/session', {
    config: { access: 'password-change' },
    schema: { tags, summary: '当前登录信息', response: { 200: sessionInfoSchema } },
    handler: async (req) => svc.sessionInfo(deps, sessionOf(req)),
  });

  r.post('/api/auth/change-password', {
    config: { access: 'password-change', rateLimit: { max: deps.config.rateLimits.login, timeWindow: '1 minute' } },
    schema: { tags, summary: '修改密码', body: changePasswordBodySchema, response: { 200: sessionInfoSchema } },
    handler: async (req) => {
      const auth = sessionOf(req);
      await svc.changePassword(deps, auth, actorOf(req), req.body);
      return svc.sessionInfo(deps, { ...auth, mustChangePassword: false, passwordExpired: false });
    },
  });

  r.post('/api/auth/switch-post', {
    config: { access: 'session' },
    schema: { tags, summary: '切换岗位', body: switchPostBodySchema, response: { 200: sessionInfoSchema } },
    handler: async (req) => {
      const auth = sessionOf(req);
      await svc.switchPost(deps, auth, actorOf(req), req.body.postId);
      return svc.sessionInfo(deps, (await svc.resolveSessionById(deps, auth))!);
    },
  });

  r.post('/api/auth/sms-code', {
    config: { access: 'public', rateLimit: { max: deps.config.rateLimits.sms, timeWindow: '1 minute' } },
    schema: { tags, summary: '发送短信验证码（注册/找回密码）', body: smsCodeBodySchema, response: { 200: okSchema } },
    handler: async (req) => {
      await svc.requestSmsCode(deps, req.body);
      return { ok: true as const };
    },
  });

  r.post('/api/auth/register', {
    config: { access: 'public', rateLimit: { max: deps.config.rateLimits.login, timeWindow: '1 minute' } },
    schema: { tags, summary: '注册账号（手机短信验证）', body: registerBodySchema, response: { 201: sessionInfoSchema } },
    handler: async (req, reply) => reply.code(201).send(await startSession(req, reply, await svc.register(deps, req.body, metaOf(req)))),
  });

  r.post('/api/auth/reset-password', {
    config: { access: 'public', rateLimit: { max: deps.config.rateLimits.login, timeWindow: '1 minute' } },
    schema: { tags, summary: '凭短信验证码重置密码', body: resetPasswordBodySchema, response: { 200: okSchema } },
    handler: async (req) => {
      await svc.resetPasswordBySms(deps, req.body, metaOf(req));
      return { ok: true as const };
    },
  });

  r.post('/api/me/posts/bind', {
    config: { access: 'session', rateLimit: { max: deps.config.rateLimits.login, timeWindow: '1 minute' } },
    schema: { tags, summary: '用岗位激活码绑定岗位', body: bindPostBodySchema, response: { 200: sessionInfoSchema } },
    handler: async (req) => {
      const auth = sessionOf(req);
      const postId = await bindPostWithCode(deps, auth, actorOf(req), req.body.code);
      await svc.actInPost(deps, auth, postId);
      return svc.sessionInfo(deps, (await svc.resolveSessionById(deps, auth))!);
    },
  });

  // The second factor can be enrolled before anything else (platform operators must), hence 'password-change'.
  r.post('/api/me/totp/setup', {
    config: { access: 'password-change' },
    schema: { tags, summary: '开始绑定身份验证器（返回密钥与二维码）', response: { 200: totpSetupSchema } },
    handler: async (req) => startTotpSetup(deps, sessionOf(req)),
  });

  r.post('/api/me/totp/enable', {
    config: { access: 'password-change', rateLimit: { max: deps.config.rateLimits.login, timeWindow: '1 minute' } },
    schema: { tags, summary: '用动态验证码确认绑定', body: totpEnableBodySchema, response: { 200: sessionInfoSchema } },
    handler: async (req) => {
      const auth = sessionOf(req);
      await enableTotp(deps, auth, actorOf(req), req.body.code);
      return svc.sessionInfo(deps, (await svc.resolveSessionById(deps, auth))!);
    },
  });

  r.post('/api/me/totp/disable', {
    config: { access: 'session', rateLimit: { max: deps.config.rateLimits.login, timeWindow: '1 minute' } },
    schema: { tags, summary: '停用双因素认证', body: totpDisableBodySchema, response: { 200: sessionInfoSchema } },
    handler: async (req) => {
      const auth = sessionOf(req);
      await disableTotp(deps, auth, actorOf(req), req.body);
      return svc.sessionInfo(deps, (await svc.resolveSessionById(deps, auth))!);
    },
  });
}
