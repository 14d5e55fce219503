import type { z } from 'zod';
import type { inspectionProgressSchema, inspectionRowSchema, openInspectionBodySchema, remindResultSchema } from '@gonghui/contracts';
import { api } from './client';

export type InspectionRow = z.infer<typeof inspectionRowSchema>;
export type InspectionProgress = z.infer<typeof inspectionProgressSchema>;
export type InspectionProgressRow = InspectionProgress['rows'][number];
export type OpenInspectionBody = z.input<typeof openInspectionBodySchema>;
export type RemindResult = z.infer<typeof remindResultSchema>;

/** Cache keys: everything under ['inspections'], so one invalidation refreshes the page. */
export const inspectionKeys = {
  all: ['inspections'] as const,
  list: ['inspections', 'list'] as const,
  progressOf: (id: string) => ['inspections', 'progress', id] as const,
  progress: (id: string, parentId: string | undefined) => ['inspections', 'progress', id, parentId ?? 'own'] as const,
};

export const inspectionsApi = {
  /** Campaigns that concern the active post's organisation, with its own confirmation state. */
  list: () => api.get<InspectionRow[]>('/api/inspections'),
  /** City federation only. */
  open: (body: OpenInspectionBody) => api.post<InspectionRow>('/api/inspections', body),
  /** Base and joint unions only. */
  confirm: (id: string) => api.post<InspectionRow>(`/api/inspections/${id}/confirm`),
  /** Children of parentId (default: the active post's organisation) and how far each has got. */
  progress: (id: string, parentId?: string) => api.get<InspectionProgress>(`/api/inspections/${id}/progress`, { parentId }),
  /** Reminds every unconfirmed base union under orgId (default: the active post's organisation). */
  remind: (id: string, orgId?: string) => api.post<RemindResult>(`/api/inspections/${id}/remind`, orgId ? { orgId } : {}),
};
