import type { Permission, Role } from '@gonghui/contracts';
import { rolePermissions } from '@gonghui/contracts';
import type { FastifyRequest } from 'fastify';
import type { Actor } from './audit/audit.js';
import { AppError } from './errors.js';

/** The post an account acts in: its organisation, where that sits in the tree, and its role. */
export interface ActivePost {
  id: string;
  orgId: string;
  orgPath: string;
  orgName: string;
  orgKind: string;
  role: Role;
}

/** Who is calling, resolved once per request from the session cookie. */
export interface AuthContext {
  sessionId: string;
  accountId: string;
  username: string;
  name: string;
  csrfToken: string;
  mustChangePassword: boolean;
  passwordExpired: boolean;
  totpEnabled: boolean;
  totpRequired: boolean;
  post: ActivePost | null;
}

/** A caller acting in a post: every scoped query uses `scopePath`. */
export interface ScopedCaller extends AuthContext {
  post: ActivePost;
  scopePath: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    /** A session cookie came but named no live session (expired, revoked): answered SESSION_EXPIRED. */
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    /** Who may call: 'public' (anyone), 'session' (logged in, no post needed), or a permission. */
    access?: 'public' | 'session' | 'password-change' | Permission;
  }
}

export function hasPermission(role: Role, p: Permission): boolean {
  return rolePermissions[role].includes(p);
}

/** The caller, who must be logged in. */
export function sessionOf(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new AppError('UNAUTHENTICATED');
  return req.auth;
}

/** The caller acting in a post; the route's access rule has already checked the permission. */
export function callerOf(req: FastifyRequest): ScopedCaller {
  const auth = sessionOf(req);
  if (!auth.post) throw new AppError('NO_POST');
  return { ...auth, post: auth.post, scopePath: auth.post.orgPath };
}

/** The audit actor for a request, logged in or not. */
export function actorOf(req: FastifyRequest): Actor {
  return {
    accountId: req.auth?.accountId ?? null,
    username: req.auth?.username ?? null,
    name: req.auth?.name ?? null,
    orgId: req.auth?.post?.orgId ?? null,
    ip: req.ip ?? null,
  };
}
