/**
 * The shape every rule check returns: callers branch on `ok`, and a failure always
 * carries a reason a Chinese-speaking operator can act on without asking support.
 */

/** A failed check with one user-facing reason in Simplified Chinese. */
export interface RuleFailure {
  ok: false;
  reason: string;
}

/** Build a failure; a function so every rule spells it the same way. */
export function fail(reason: string): RuleFailure {
  return { ok: false, reason };
}
