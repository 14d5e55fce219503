import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import { orgs } from './organisations.table.js';

/**
 * The one scope rule (SECURITY.md): a row whose organisation lies in the caller's subtree.
 * Every scoped query in every module filters through this.
 */
export function orgInScope(orgIdColumn: AnyColumn | SQL, scopePath: string): SQL {
  return sql`exists (select 1 from ${orgs} so where so.id = ${orgIdColumn} and so.path like ${escapeLike(scopePath) + '%'})`;
}

/** Escapes LIKE wildcards so a value is matched literally. */
export function escapeLike(v: string): string {
  return v.replace(/[\\%_]/g, (c) => `\\${c}`);
}
