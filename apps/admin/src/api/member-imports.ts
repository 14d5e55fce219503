import type { z } from 'zod';
import type {
  ImportStatus,
  ImportTask,
  importRowPageSchema,
  importRowQuerySchema,
  importSubmittedSchema,
  importTaskPageSchema,
  importTaskQuerySchema,
} from '@gonghui/contracts';
import { api } from './client';

export type ImportTaskPage = z.infer<typeof importTaskPageSchema>;
export type ImportTaskQuery = Partial<z.infer<typeof importTaskQuerySchema>>;
export type ImportRowPage = z.infer<typeof importRowPageSchema>;
export type ImportRow = ImportRowPage['items'][number];
export type ImportRowQuery = Partial<z.infer<typeof importRowQuerySchema>>;
export type ImportSubmitted = z.infer<typeof importSubmittedSchema>;

export const memberImportsApi = {
  /** A filled collection template (.xlsx) for one base union; answers 202 with its task. */
  upload: (orgId: string, file: File) => api.upload<ImportSubmitted>(`/api/orgs/${orgId}/member-imports`, file, file.name),
  /** People bound to an organisation code, previewed like a file. */
  byOrgCode: (orgId: string, orgCode: string) => api.post<ImportSubmitted>(`/api/orgs/${orgId}/member-imports/org-code`, { orgCode }),
  /** Tasks of the active post's organisation and the organisations below it, newest first. */
  list: (query: ImportTaskQuery) => api.get<ImportTaskPage>('/api/member-imports', query),
  get: (id: string) => api.get<ImportTask>(`/api/member-imports/${id}`),
  rows: (id: string, query: ImportRowQuery) => api.get<ImportRowPage>(`/api/member-imports/${id}/rows`, query),
  /** Writes every new and update row in one go, in the background (status committing → done). */
  commit: (id: string) => api.post<ImportTask>(`/api/member-imports/${id}/commit`),
  cancel: (id: string) => api.post<ImportTask>(`/api/member-imports/${id}/cancel`),
  /** The uploaded workbook with a result column: a plain link, the browser downloads it with the session cookie. */
  resultUrl: (id: string) => `/api/member-imports/${id}/result`,
};

/** The query key of one task. */
export const importTaskKey = (id: string) => ['member-import', id] as const;

/** The server is still working on the task: the console polls until it is not. */
export const isImportBusy = (status: ImportStatus) => status === 'queued' || status === 'checking' || status === 'committing';
