/**
 * The one way the member app talks to the server: JSON over fetch, same-origin cookies, the
 * session's CSRF token on every state-changing request, and every failure an ApiError with a
 * Chinese message (never a stack trace).
 */
import type { ErrorCode, FieldIssue } from '@gonghui/contracts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK_ERROR';
  readonly details: unknown;

  constructor(status: number, code: ApiError['code'], message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field-level problems, when the server sent them as `[{path, message}]`. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter((d): d is FieldIssue => !!d && typeof d === 'object' && typeof d.path === 'string' && typeof d.message === 'string');
  }

  get isUnauthenticated(): boolean {
    return this.code === 'UNAUTHENTICATED' || this.code === 'SESSION_EXPIRED';
  }
}

/** The CSRF token of the current session; in memory only, never in browser storage. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let onSessionGone: ((e: ApiError) => void) | null = null;
/** Called when any call answers that the session is gone (401). */
export function setSessionGoneHandler(handler: ((e: ApiError) => void) | null): void {
  onSessionGone = handler;
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求无效',
  401: '请先登录',
  403: '暂无权限进行此操作',
  404: '内容不存在',
  409: '数据已变化，请刷新后重试',
  429: '操作过于频繁，请稍后再试',
};

async function readError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const code = typeof b.code === 'string' ? (b.code as ErrorCode) : res.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
  const fallback = res.status >= 500 ? '系统繁忙，请稍后重试' : (STATUS_MESSAGES[res.status] ?? '请求失败，请稍后重试');
  const message = typeof b.message === 'string' && b.message ? b.message : fallback;
  return new ApiError(res.status, code, message, b.details);
}

interface Options {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  silent401?: boolean;
  /** Extra headers, e.g. the Idempotency-Key of a claim or a redemption. */
  headers?: Record<string, string>;
}

export async function request<T>(method: string, path: string, options: Options = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (method !== 'GET') headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let url = path;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(options.query)) if (v !== undefined && v !== '') params.set(k, String(v));
    const qs = params.toString();
    if (qs) url = `${path}?${qs}`;
  }
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : JSON.stringify(options.body ?? {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '网络不给力，请检查网络后重试');
  }
  if (!res.ok) {
    const error = await readError(res);
    if (error.isUnauthenticated && !options.silent401) onSessionGone?.(error);
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Options['query'], silent401?: boolean) => request<T>('GET', path, { query, silent401 }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, { body: body ?? {}, headers }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
};

/** A readable message for anything thrown by a call. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return '操作失败，请稍后重试';
}
