/** Empty form values become null so that a cleared field is cleared on the server too. */
export function nullifyEmpty<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) out[key] = value === undefined || value === '' ? null : value;
  return out as T;
}

/**
 * The fields of `values` that differ from `initial` (empty and missing count as null):
 * an edit sends only what the user changed, plus the version.
 */
export function changedFields(values: Record<string, unknown>, initial: Record<string, unknown>): Record<string, unknown> {
  const now = nullifyEmpty(values);
  const before = nullifyEmpty(initial);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(now)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key] ?? null)) out[key] = value;
  }
  return out;
}
