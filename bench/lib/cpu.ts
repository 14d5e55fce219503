import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type pg from 'pg';

/** CPU seconds of a forked process that answers { cpu: true } with its process.cpuUsage(). */
export function childCpu(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const on = (m: { cpu?: NodeJS.CpuUsage }) => {
      if (!m?.cpu) return;
      child.off('message', on);
      resolve((m.cpu.user + m.cpu.system) / 1e6);
    };
    child.on('message', on);
    child.send({ cpu: true });
  });
}

export const ownCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * CPU seconds of each PostgreSQL backend serving one database, read from /proc: null unless the
 * server runs on this machine. Backends that end during a run take their time with them.
 */
export async function postgresCpu(pool: pg.Pool, database: string): Promise<Map<number, number> | null> {
  const { rows } = await pool.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [database]);
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!f.includes('(postgres)')) continue;
      const after = f.slice(f.lastIndexOf(')') + 2).split(' ');
      out.set(pid, (Number(after[11]) + Number(after[12])) / 100); // utime + stime, in 1/100 s
    } catch {
      // not on this machine, or gone meanwhile
    }
  }
  return out.size ? out : null;
}

/** Seconds the backends spent between two snapshots. */
export function postgresCpuDelta(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let s = 0;
  for (const [pid, t] of after) s += t - (before.get(pid) ?? 0);
  return s;
}
