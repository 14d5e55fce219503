import { z } from 'zod';
import { checkPhone } from './rules/index.js';

export const uuidSchema = z.uuid({ message: '编号格式不正确' });
export const idParamsSchema = z.object({ id: uuidSchema });

/** Server-side pagination: 1-based page, bounded page size. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** A page of results plus the total the filters match. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

// Control characters (NUL and friends) have no place in a form field and PostgreSQL refuses NUL.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const noControlChars = (v: string | null | undefined) => !v || !CONTROL_CHARS.test(v);
const controlMessage = (label: string) => ({ message: `${label}含有不可见的控制字符，请重新输入` });

export const isoDateSchema = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });

/** A trimmed, non-empty Chinese-friendly text field with a length cap. */
export const textField = (label: string, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过${max}个字符` })
    .refine(noControlChars, controlMessage(label));

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label}不能超过${max}个字符` })
    .refine(noControlChars, controlMessage(label))
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export const okSchema = z.object({ ok: z.literal(true) });

/** Empty input means "not given"; anything else must pass the rule, and comes out normalised. */
export const optionalRule = (label: string, check: (v: string) => { ok: true; value: string } | { ok: false; reason: string }) =>
  z
    .string()
    .trim()
    .max(64, { message: `${label}过长` })
    .optional()
    .nullable()
    .transform((v, ctx) => {
      if (!v) return null;
      const r = check(v);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.reason });
        return z.NEVER;
      }
      return r.value;
    });

/** A required mainland mobile number, normalised (`+86 138-0000-0000` → `13800000000`). */
export const mobileSchema = (label: string) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(64, { message: `${label}过长` })
    .transform((v, ctx) => {
      const r = checkPhone(v);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.reason });
        return z.NEVER;
      }
      return r.value;
    });
