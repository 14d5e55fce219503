import { chinaToday } from '@gonghui/contracts';
import type { Deps } from '../../platform/deps.js';
import * as repo from './mutual-aid.repository.js';

/** The demo's plan for the current year, open all year, so a fresh `npm start` can enrol at once. */
export async function seedMutualAidPlan(deps: Pick<Deps, 'db' | 'now'>): Promise<void> {
  const year = Number(chinaToday(deps.now()).slice(0, 4));
  if (await repo.findPlanByYear(deps.db, year)) return;
  await repo.insertPlan(deps.db, {
    year,
    title: `${year}年度济南市职工互助保障计划`,
    coverage: '住院医疗互助、重大疾病互助、意外伤害互助、身故互助',
    contributionFen: 3000,
    enrolFrom: `${year}-01-01`,
    enrolTo: `${year}-12-31`,
  });
}
