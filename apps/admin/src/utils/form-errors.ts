/**
 * Puts a server error where the user will look for it: field-level issues
 * (`details: [{path, message}]`) on the matching form fields, everything else
 * as one form-level message.
 */
import type { FormInstance } from 'antd';
import type { ErrorCode } from '@gonghui/contracts';
import { ApiError } from '../api/client';

type NamePath = (string | number)[];

export interface ApplyErrorOptions {
  /** Error codes that belong to one field, e.g. { CAPTCHA_INVALID: 'captchaAnswer' }. */
  codeFields?: Partial<Record<ErrorCode, string>>;
  /** Server paths that the form names differently, e.g. { password: 'newPassword' }. */
  aliases?: Record<string, string>;
}

function registeredNames(form: FormInstance): Set<string> {
  const names = new Set<string>();
  form.getFieldsValue(true, (meta) => {
    if (meta?.name) names.add(meta.name.join('.'));
    return false;
  });
  return names;
}

function toNamePath(path: string): NamePath {
  return path.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

/**
 * Applies `error` to `form`; returns the message to show at form level, or null
 * when everything went onto fields.
 */
export function applyFormError(form: FormInstance, error: unknown, options: ApplyErrorOptions = {}): string | null {
  if (!(error instanceof ApiError)) return '操作失败，请稍后重试';
  const names = registeredNames(form);
  const byField = new Map<string, string[]>();
  const leftOver: string[] = [];

  for (const issue of error.fieldIssues) {
    const path = options.aliases?.[issue.path] ?? issue.path;
    if (path && names.has(path)) {
      const list = byField.get(path) ?? [];
      if (!list.includes(issue.message)) list.push(issue.message);
      byField.set(path, list);
    } else {
      leftOver.push(issue.message);
    }
  }

  // A code that belongs to one field (e.g. CAPTCHA_INVALID) goes there when no detail did.
  const codeField = options.codeFields?.[error.code as ErrorCode];
  if (byField.size === 0 && codeField && names.has(codeField)) byField.set(codeField, [error.message]);

  if (byField.size > 0) {
    form.setFields([...byField].map(([path, errors]) => ({ name: toNamePath(path), errors })));
  }
  if (byField.size > 0 && leftOver.length === 0) return null;
  if (leftOver.length > 0 && error.code === 'VALIDATION_FAILED') return `${error.message}：${leftOver.join('；')}`;
  if (leftOver.length > 0) return [error.message, ...leftOver.filter((m) => m !== error.message)].join('；');
  return error.message;
}
