import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.js';

/**
 * What holds an organisation in place (seed 002 §2: "如单位有在办卡人员或者带转出审核人员禁止转移"):
 * members awaiting transfer-out review (`transferring`). Card processing is the other hold, but
 * the service-card module does not exist yet; when it does, its in-progress cards join here.
 */
export async function countTransferringMembers(db: DbOrTx, subtreePath: string): Promise<number> {
  const like = subtreePath.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`
      select count(*)::int as n from memberships m join orgs o on o.id = m.org_id
      where m.status = 'transferring' and o.path like ${like}`),
  );
  return Number(row.n);
}
