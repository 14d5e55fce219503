import type { Permission } from '@gonghui/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasPermission, type AuthContext } from './auth-context.js';
import { AppError } from './errors.js';
import { safeEqual } from './crypto.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Same-origin check on state-changing requests: Origin (or Referer) must name this host. */
function originAllowed(req: FastifyRequest): boolean {
  const source = req.headers.origin ?? req.headers.referer;
  if (!source) return true; // non-browser clients; the CSRF token still guards sessions
  try {
    return new URL(source).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * The central gate. Every /api route must declare `config.access`; a route without one
 * fails at start-up, so nothing is reachable by omission.
 */
export function installAccessControl(app: FastifyInstance, resolve: (token: string) => Promise<AuthContext | null>, cookieName: string) {
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionExpired', false);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.access) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
  });
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    reply.header('Cache-Control', 'no-store');
    if (!SAFE_METHODS.has(req.method) && !originAllowed(req)) throw new AppError('CSRF_FAILED');
    const token = req.cookies[cookieName];
    req.auth = token ? await resolve(token) : null;
    req.sessionExpired = !!token && !req.auth;
  });
  app.addHook('preHandler', async (req) => {
    const access = req.routeOptions.config.access;
    if (!access || access === 'public') return;
    const auth = req.auth;
    if (!auth) throw new AppError(req.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, auth.csrfToken)) throw new AppError('CSRF_FAILED');
    }
    if (access === 'password-change') return;
    if (auth.mustChangePassword || auth.passwordExpired) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (auth.totpRequired && !auth.totpEnabled) throw new AppError('TOTP_SETUP_REQUIRED');
    if (access === 'session') return;
    if (!auth.post) throw new AppError('NO_POST');
    if (!hasPermission(auth.post.role, access as Permission)) throw new AppError('FORBIDDEN');
  });
}
