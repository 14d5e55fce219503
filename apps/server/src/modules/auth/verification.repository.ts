import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { captchas, smsCodes } from './auth.table.js';

/** Captchas and SMS codes: the short-lived proofs a person is present. */

export async function insertCaptcha(db: DbOrTx, answer: string, expiresAt: Date): Promise<string> {
  const [row] = await db.insert(captchas).values({ answer, expiresAt }).returning({ id: captchas.id });
  return row.id;
}

/** Marks a live captcha used and returns its answer; undefined when unknown, used or expired. */
export async function spendCaptcha(db: DbOrTx, id: string, now: Date): Promise<string | undefined> {
  const [row] = await db
    .update(captchas)
    .set({ usedAt: now })
    .where(and(eq(captchas.id, id), isNull(captchas.usedAt), gt(captchas.expiresAt, now)))
    .returning({ answer: captchas.answer });
  return row?.answer;
}

export async function countSmsCodesSince(db: DbOrTx, phoneIndex: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(smsCodes)
    .where(and(eq(smsCodes.phoneIndex, phoneIndex), gt(smsCodes.createdAt, since)));
  return row.n;
}

export async function insertSmsCode(db: DbOrTx, values: typeof smsCodes.$inferInsert): Promise<void> {
  await db.insert(smsCodes).values(values);
}

export async function findLiveSmsCode(db: DbOrTx, phoneIndex: string, purpose: string, now: Date) {
  const [row] = await db
    .select()
    .from(smsCodes)
    .where(and(eq(smsCodes.phoneIndex, phoneIndex), eq(smsCodes.purpose, purpose), isNull(smsCodes.usedAt), gt(smsCodes.expiresAt, now)))
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  return row;
}

export async function countSmsAttempt(db: DbOrTx, id: string): Promise<void> {
  await db.update(smsCodes).set({ attempts: sql`${smsCodes.attempts} + 1` }).where(eq(smsCodes.id, id));
}

/** Spends a code once; false when another request spent it first. */
export async function spendSmsCode(db: DbOrTx, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(smsCodes)
    .set({ usedAt: now })
    .where(and(eq(smsCodes.id, id), isNull(smsCodes.usedAt)))
    .returning({ id: smsCodes.id });
  return rows.length === 1;
}
