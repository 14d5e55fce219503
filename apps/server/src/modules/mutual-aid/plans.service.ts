import type { MutualAidPlan, MutualAidPlanBody } from '@gonghui/contracts';
import type { z } from 'zod';
import type { mutualAidPlanUpdateBodySchema } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { isUniqueViolation } from '../../platform/pg-errors.js';
import { assertAssociation } from './mutual-aid.policy.js';
import * as repo from './mutual-aid.repository.js';

export function toPlan(p: repo.PlanRecord, enrolmentCount: number): MutualAidPlan {
  return {
    id: p.id,
    year: p.year,
    title: p.title,
    coverage: p.coverage,
    contributionFen: p.contributionFen,
    enrolFrom: p.enrolFrom,
    enrolTo: p.enrolTo,
    coverTo: `${p.year}-12-31`,
    version: p.version,
    enrolmentCount,
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Every yearly plan, newest first: every union sees them (they enrol under them). */
export async function listPlans(deps: Deps) {
  return { items: (await repo.listPlans(deps.db)).map((p) => toPlan(p, p.enrolmentCount)) };
}

/** The association publishes a year's plan; one per year. */
export async function createPlan(deps: Deps, caller: ScopedCaller, actor: Actor, body: MutualAidPlanBody): Promise<MutualAidPlan> {
  assertAssociation(caller);
  const plan = await deps.db.transaction(async (tx) => {
    if (await repo.findPlanByYear(tx, body.year)) throw new AppError('MUTUAL_AID_PLAN_EXISTS', undefined, `${body.year}年度的职工互助保障计划已存在，请修改原计划`);
    let row: repo.PlanRecord;
    try {
      row = await repo.insertPlan(tx, { ...body, createdBy: caller.accountId });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('MUTUAL_AID_PLAN_EXISTS');
      throw e;
    }
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'mutual_aid.plan_saved', objectType: 'mutual_aid_plan', objectId: row.id, after: body });
    return row;
  });
  return toPlan(plan, 0);
}

/**
 * Edits a plan at the version the editor saw. Once a unit has enrolled under it, its year and
 * amount per member are what those units agreed to: only the wording and the window may change.
 */
export async function updatePlan(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, body: z.infer<typeof mutualAidPlanUpdateBodySchema>): Promise<MutualAidPlan> {
  assertAssociation(caller);
  return deps.db.transaction(async (tx) => {
    const before = await repo.findPlan(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    const used = await repo.countEnrolmentsOfPlan(tx, id);
    if (used > 0 && (body.year !== before.year || body.contributionFen !== before.contributionFen)) throw new AppError('MUTUAL_AID_PLAN_LOCKED');
    const { version, ...patch } = body;
    let row: repo.PlanRecord | undefined;
    try {
      row = await repo.updatePlanVersioned(tx, id, version, patch);
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('MUTUAL_AID_PLAN_EXISTS', undefined, `${body.year}年度的职工互助保障计划已存在`);
      throw e;
    }
    if (!row) throw new AppError('CONFLICT');
    await recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: 'mutual_aid.plan_saved',
      objectType: 'mutual_aid_plan',
      objectId: id,
      before: { year: before.year, title: before.title, coverage: before.coverage, contributionFen: before.contributionFen, enrolFrom: before.enrolFrom, enrolTo: before.enrolTo },
      after: patch,
    });
    return toPlan(row, used);
  });
}
