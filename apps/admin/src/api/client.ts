/**
 * The one way the console talks to the server: JSON over fetch (multipart for file uploads), same-origin cookies,
 * the session's CSRF token on every state-changing request, and every failure turned
 * into an ApiError with a Chinese message (never a stack trace).
 */
import type { ErrorCode, FieldIssue } from '@gonghui/contracts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK_ERROR';
  readonly details: unknown;
  readonly requestId: string | null;

  constructor(status: number, code: ApiError['code'], message: string, details?: unknown, requestId?: string | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId ?? null;
  }

  /** Field-level problems, when the server sent them as `[{path, message}]`. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue => !!d && typeof d === 'object' && typeof d.path === 'string' && typeof d.message === 'string',
    );
  }

  /** The session is gone: the user must log in again. */
  get isUnauthenticated(): boolean {
    return this.code === 'UNAUTHENTICATED' || this.code === 'SESSION_EXPIRED';
  }
}

/** The CSRF token of the current session; kept in memory only, never in browser storage. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type SessionErrorHandler = (error: ApiError) => void;
let onSessionError: SessionErrorHandler | null = null;
/** 403 answers saying the account must do something before using the console. */
const GATE_CODES: ReadonlySet<ApiError['code']> = new Set(['PASSWORD_CHANGE_REQUIRED', 'TOTP_SETUP_REQUIRED', 'NO_POST']);

/**
 * Registered once by the app: called when any call answers that the session is gone
 * (401 UNAUTHENTICATED / SESSION_EXPIRED) or no longer fits the console
 * (403 PASSWORD_CHANGE_REQUIRED / TOTP_SETUP_REQUIRED / NO_POST).
 */
export function setSessionErrorHandler(handler: SessionErrorHandler | null): void {
  onSessionError = handler;
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求无效',
  401: '请先登录',
  403: '当前岗位无权进行此操作',
  404: '记录不存在或不在您的管辖范围内',
  409: '数据已被他人修改，请刷新后重试',
  413: '提交的内容过大',
  429: '操作过于频繁，请稍后再试',
};

export interface RequestOptions {
  /** Query-string parameters; undefined, null and '' are left out. */
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  /** Extra request headers (an Idempotency-Key). */
  headers?: Record<string, string>;
  /** A multipart body (file uploads) instead of JSON; the browser sets its Content-Type. */
  form?: FormData;
  /** Do not call the global 401 handler (used by the session probe). */
  silent401?: boolean;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

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
  const requestId = typeof b.requestId === 'string' ? b.requestId : res.headers.get('x-request-id');
  return new ApiError(res.status, code, message, b.details, requestId);
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const hasBody = options.body !== undefined;
  if (hasBody) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  Object.assign(headers, options.headers);

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (hasBody ? JSON.stringify(options.body) : method === 'GET' || method === 'DELETE' ? undefined : '{}'),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }

  if (!res.ok) {
    const error = await readError(res);
    const sessionGone = error.isUnauthenticated && !options.silent401;
    if (sessionGone || GATE_CODES.has(error.code)) onSessionError?.(error);
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], options?: Omit<RequestOptions, 'query' | 'body'>) =>
    request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** POST (or PUT) one file as multipart/form-data under `field`, with the same cookies and CSRF token. */
  upload: <T>(path: string, file: Blob, filename: string, field = 'file', method: 'POST' | 'PUT' = 'POST') => {
    const form = new FormData();
    form.append(field, file, filename);
    return request<T>(method, path, { form });
  },
};

/**
 * POSTs JSON and saves the answer as a file (an audited export: POST, so nothing lands in a URL),
 * named as the server's Content-Disposition says.
 */
export async function downloadPost(path: string, body: unknown, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}) },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) {
    const error = await readError(res);
    if (error.isUnauthenticated || GATE_CODES.has(error.code)) onSessionError?.(error);
    throw error;
  }
  const named = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '');
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = named ? decodeURIComponent(named[1]) : fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A readable message for anything thrown by a call. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return '操作失败，请稍后重试';
}
