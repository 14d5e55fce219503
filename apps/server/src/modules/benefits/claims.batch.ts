import type { MyCoupon } from '@gonghui/contracts';
import type { Db, Tx } from '../../db/client.js';
import type { Actor, AuditEntry, AuditRecord } from '../../platform/audit/audit.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { asStored, expiredBefore, idempotentlyIn, storedAnswer, type Answer, type IdempotentRequest } from '../../platform/idempotency.js';
import { TransactionBatcher, type BatchWork, type UnitOutcome } from '../../platform/transaction-batcher.js';
import { claimTogether, storeAnswers, undoUnserved, type BatchClaim, type IssueValues } from './claim-batch.repository.js';
import { limitOf, limitReached, periodOf, type Limited } from './claim-limits.js';
import * as repo from './claims.repository.js';
import { newCouponCode } from './coupon-code.js';
import { toMyCoupon } from './my-coupon.js';
import { randomBucket, soldOutAmong, takeOne } from './stock.repository.js';

/** A claim judged by claims.service and ready to write: who, what, and the facts it was judged on. */
export interface ClaimRequest {
  accountId: string;
  actor: Actor;
  now: Date;
  idem: IdempotentRequest | null;
  member: { personId: string; membershipId: string };
  activity: Limited & { id: string; orgId: string; title: string };
  orgName: string;
  prizeId: string;
  coupon: { id: string; title: string; name: string; conditions: string | null; description: string | null; validFrom: Date; validTo: Date; faceValueFen: number };
  merchantName: string | null;
}

const CREATED = 201;

function issueValues(r: ClaimRequest): IssueValues {
  return {
    activityId: r.activity.id,
    prizeId: r.prizeId,
    couponId: r.coupon.id,
    personId: r.member.personId,
    membershipId: r.member.membershipId,
    accountId: r.accountId,
    validFrom: r.coupon.validFrom,
    validTo: r.coupon.validTo,
    faceValueFen: r.coupon.faceValueFen,
    claimedAt: r.now,
  };
}

/** The answer and the audit record of an issued e-coupon, from what is at hand (nothing read again). */
function issued(r: ClaimRequest, issuedAs: { id: string; code: string }): { value: MyCoupon; audits: AuditRecord[] } {
  const { activity: a, coupon } = r;
  const e = { ...issueValues(r), id: issuedAs.id, code: issuedAs.code, status: 'claimed', redeemedAt: null, expiredAt: null };
  const value = toMyCoupon({ e, couponTitle: coupon.title, couponName: coupon.name, conditions: coupon.conditions, description: coupon.description, activityTitle: a.title, orgName: r.orgName, merchantName: r.merchantName, redeemedMerchantName: null });
  const entry: AuditEntry = {
    action: 'e_coupon.claimed',
    objectType: 'e_coupon',
    objectId: e.id,
    orgId: a.orgId,
    after: { activityId: a.id, activityTitle: a.title, prizeId: r.prizeId, couponName: coupon.name, faceValueFen: coupon.faceValueFen, membershipId: r.member.membershipId },
  };
  return { value, audits: [{ actor: r.actor, entry }] };
}

/** A claim as the claim statement takes it, with a fresh code and its key (null: none, or held elsewhere). */
function toBatchClaim(r: ClaimRequest, idem: IdempotentRequest | null): BatchClaim {
  return {
    ...issueValues(r),
    period: periodOf(r.activity, r.now),
    limit: limitOf(r.activity),
    code: newCouponCode(),
    idempotencyKey: idem?.key ?? null,
    requestHash: idem?.requestHash ?? null,
  };
}

/** 60 random bits: a taken code is next to impossible, but it would only mean drawing again. */
async function issueWithFreshCode(tx: Tx, r: ClaimRequest): Promise<{ id: string; code: string }> {
  for (;;) {
    const code = newCouponCode();
    const row = await repo.insertECoupon(tx, { ...issueValues(r), code });
    if (row) return { id: row.id, code };
  }
}

/**
 * A claim alone, in a transaction of its own (the first of a quiet moment, or one a batch put
 * off): it may wait for the person's turn and for a bucket another transaction holds. A refusal
 * throws and rolls its transaction back.
 */
async function claimAlone(tx: Tx, r: ClaimRequest): Promise<{ value: Answer<MyCoupon>; audits: AuditRecord[] }> {
  let audits: AuditRecord[] = [];
  const value = await idempotentlyIn(tx, r.now, r.idem, CREATED, async (tx) => {
    // The batch's statement for this one claim, waiting for the person's turn (its key is idempotentlyIn's).
    const claim = toBatchClaim(r, null);
    const [step] = await claimTogether(tx, [claim], { startBucket: randomBucket(), keysExpiredBefore: expiredBefore(r.now), waitForTurn: true });
    if (!step.counted) throw limitReached(r.activity);
    // No free bucket among those it looked at: wait for one (or learn that none is left).
    if (!step.served && !(await takeOne(tx, r.prizeId))) throw new AppError('CLAIM_SOLD_OUT');
    const e = step.id ? { id: step.id, code: claim.code } : await issueWithFreshCode(tx, r);
    const done = issued(r, e);
    audits = done.audits;
    return done.value;
  });
  return { value, audits: value.replayed ? [] : audits };
}

/**
 * A batch of claims together (platform/transaction-batcher.ts), in a few statements whatever its
 * size: claimTogether does every claim's steps at once; then, only when needed, one statement
 * undoes what claims that got no stock wrote, one stores the answers of claims with an
 * Idempotency-Key. A person claiming twice in the same activity within one batch, or one key
 * sent twice, is put off to run alone after the batch: claimTogether takes each person's turn
 * once.
 */
async function claimBatch(tx: Tx, requests: ClaimRequest[]): Promise<UnitOutcome<Answer<MyCoupon>>[]> {
  const outcomes: (UnitOutcome<Answer<MyCoupon>> | null)[] = requests.map(() => null);
  const seen = new Set<string>();
  const go: number[] = [];
  for (const [i, r] of requests.entries()) {
    const person = `${r.activity.id}:${r.member.personId}`;
    const key = r.idem ? `${r.accountId}:${r.idem.key}` : null;
    if (seen.has(person) || (key && seen.has(key))) outcomes[i] = { ok: 'later' };
    else go.push(i);
    seen.add(person);
    if (key) seen.add(key);
  }
  const now = requests[0].now;
  const claims = go.map((i) => toBatchClaim(requests[i], requests[i].idem));
  const steps = await claimTogether(tx, claims, { startBucket: randomBucket(), keysExpiredBefore: expiredBefore(now) });

  const undoCounts: { activityId: string; personId: string; period: string }[] = [];
  const undoKeys: { accountId: string; key: string }[] = [];
  const unserved: number[] = [];
  const replays: number[] = [];
  const answers: { accountId: string; key: string; status: number; body: object }[] = [];
  for (const [j, step] of steps.entries()) {
    const i = go[j];
    const r = requests[i];
    const c = claims[j];
    const heldKey = r.idem && step.keyHeld ? { accountId: r.accountId, key: r.idem.key } : null;
    if (!step.turned) outcomes[i] = { ok: 'later' };
    else if (!step.keyHeld) replays.push(i);
    else if (!step.counted) {
      outcomes[i] = { ok: false, error: limitReached(r.activity) };
      if (heldKey) undoKeys.push(heldKey);
    } else if (!step.served) {
      unserved.push(i);
      undoCounts.push({ activityId: c.activityId, personId: c.personId, period: c.period });
      if (heldKey) undoKeys.push(heldKey);
    } else {
      const e = step.id ? { id: step.id, code: c.code } : await issueWithFreshCode(tx, r);
      const done = issued(r, e);
      outcomes[i] = { ok: true, value: { status: CREATED, body: done.value, replayed: false }, audits: done.audits };
      if (heldKey) answers.push({ ...heldKey, status: CREATED, body: asStored(done.value) });
    }
  }
  if (undoCounts.length > 0 || undoKeys.length > 0) await undoUnserved(tx, undoCounts, undoKeys);
  // Not served: sold out if no stock is left at all, else the free buckets ran short (another
  // transaction holds the rest) and the claim runs alone, where it may wait for them.
  if (unserved.length > 0) {
    const soldOut = await soldOutAmong(tx, [...new Set(unserved.map((i) => requests[i].prizeId))]);
    for (const i of unserved) outcomes[i] = soldOut.has(requests[i].prizeId) ? { ok: false, error: new AppError('CLAIM_SOLD_OUT') } : { ok: 'later' };
  }
  if (answers.length > 0) await storeAnswers(tx, answers);
  // A key already answered (committed by the first of two requests): replay its answer.
  for (const i of replays) {
    const r = requests[i];
    try {
      const first = await storedAnswer<MyCoupon>(tx, now, r.idem!);
      outcomes[i] = first ? { ok: true, value: first, audits: [] } : { ok: 'later' };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes[i] = { ok: false, error };
    }
  }
  return outcomes.map((o) => o ?? { ok: 'later' });
}

const claimWork: BatchWork<ClaimRequest, Answer<MyCoupon>> = { together: claimBatch, alone: claimAlone };

/** One group commit per database handle. */
const batchers = new WeakMap<Db, TransactionBatcher<ClaimRequest, Answer<MyCoupon>>>();
export function claimBatcherOf(deps: Deps): TransactionBatcher<ClaimRequest, Answer<MyCoupon>> {
  let b = batchers.get(deps.db);
  if (!b) batchers.set(deps.db, (b = new TransactionBatcher(deps.db, deps.config.keys.auditKey, claimWork)));
  return b;
}
