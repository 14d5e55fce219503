// An activity's per-person claim limit (seed 001: 仅一次, or N times a day).
import { AppError } from '../../platform/errors.js';
import { chinaDateTime } from './china-time.js';
import type { ActivityRow } from './claims.repository.js';

/** The China-time day (UTC+8, no daylight saving) a moment falls on: a daily limit's period. */
function chinaDate(at: Date): string {
  return chinaDateTime(at).slice(0, 10);
}

/** What the limit rules read of an activity (the claim reads only these, not the whole row). */
export type Limited = Pick<ActivityRow, 'claimLimitKind' | 'claimLimitPerDay'>;
export const periodOf = (a: Limited, now: Date) => (a.claimLimitKind === 'daily' ? chinaDate(now) : 'all');
export const limitOf = (a: Limited) => (a.claimLimitKind === 'daily' ? (a.claimLimitPerDay ?? 1) : 1);
export const limitText = (a: Limited) => (a.claimLimitKind === 'daily' ? `每人每天限领${limitOf(a)}次` : '每人限领1次');

/** The refusal of a claim past the limit, in the words of the activity's rule. */
export function limitReached(a: Limited): AppError {
  return new AppError('CLAIM_LIMIT_REACHED', undefined, a.claimLimitKind === 'daily' ? `今天的领取次数已用完（${limitText(a)}），请明天再来` : '您已领取过本活动的福利（每人限领1次）');
}
