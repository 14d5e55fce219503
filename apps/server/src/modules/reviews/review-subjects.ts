import type { ReviewChange, ReviewSubjectType } from '@gonghui/contracts';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../platform/audit/audit.js';
import type { Deps } from '../../platform/deps.js';
import type { ReviewRecord } from './reviews.repository.js';

/** What a subject's module is told, inside the transaction that decided its review. */
export interface SubjectContext {
  tx: Tx;
  deps: Deps;
  actor: Actor;
  review: ReviewRecord;
  /** The caller's account, for the subject's own history (membership events, ...). */
  accountId: string | null;
}

/** A corrected submission: what the review shows and keeps from now on. */
export interface Resubmission {
  title?: string;
  changes?: ReviewChange[];
  payload?: Record<string, unknown>;
}

/**
 * What a module does when a review of its subject ends. The review mechanism knows nothing of
 * transfers or organisations; each module registers its handler once, at start-up.
 */
export interface SubjectHandler {
  /** May answer the change as it finally stands (a member number known only now, say). */
  approved(ctx: SubjectContext): Promise<Resubmission | void>;
  returned(ctx: SubjectContext): Promise<void>;
  withdrawn(ctx: SubjectContext): Promise<void>;
  /** Checks a corrected payload (or the old one) and puts the subject under review again. */
  resubmitted(ctx: SubjectContext, payload: Record<string, unknown> | undefined): Promise<Resubmission>;
}

const handlers = new Map<ReviewSubjectType, SubjectHandler>();

export function registerReviewSubject(type: ReviewSubjectType, handler: SubjectHandler): void {
  handlers.set(type, handler);
}

export function handlerOf(type: string): SubjectHandler {
  const h = handlers.get(type as ReviewSubjectType);
  if (!h) throw new Error(`no review handler registered for ${type}`);
  return h;
}
