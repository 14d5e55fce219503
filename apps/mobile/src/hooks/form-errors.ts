import type { FormInstance } from 'antd-mobile/es/components/form';
import type { ZodType } from 'zod';
import { ApiError } from '../api/client';

/** Validates values with a contract schema; shows each issue under its field. Returns the parsed value or null. */
export function parseInto<T>(form: FormInstance, schema: ZodType<T>, values: unknown): T | null {
  const r = schema.safeParse(values);
  if (r.success) return r.data;
  const byField = new Map<string, string[]>();
  for (const issue of r.error.issues) {
    const name = String(issue.path[0] ?? '');
    byField.set(name, [...(byField.get(name) ?? []), issue.message]);
  }
  const known = new Set(Object.keys(form.getFieldsValue()));
  form.setFields([...byField].filter(([n]) => known.has(n)).map(([name, errors]) => ({ name, errors: errors.slice(0, 1) })));
  return null;
}

/** Puts the server's field issues under their fields; true when any was shown. */
export function showFieldIssues(form: FormInstance, e: unknown): boolean {
  if (!(e instanceof ApiError)) return false;
  const known = new Set(Object.keys(form.getFieldsValue()));
  const issues = e.fieldIssues.filter((i) => known.has(i.path.split('.')[0]));
  if (!issues.length) return false;
  form.setFields(issues.map((i) => ({ name: i.path.split('.')[0], errors: [i.message] })));
  return true;
}
