import { z } from 'zod';

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

export const isoDateSchema = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });

/** A trimmed, non-empty Chinese-friendly text field with a length cap. */
export const textField = (label: string, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过${max}个字符` });

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label}不能超过${max}个字符` })
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export const okSchema = z.object({ ok: z.literal(true) });
