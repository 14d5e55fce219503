import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../db/client.js';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness.js';
import { orgs } from '../organisations/organisations.table.js';
import { openReview, registerReviewSubject, type SubjectContext } from './index.js';

/**
 * The mechanism on its own, with a subject of this file's making: stages in sequence, each
 * stage's reviewer resolved from the tree when the stage starts (not when it was submitted).
 * Vitest isolates modules per file, so the handler registered here replaces the real one for
 * this file only.
 */
let t: TestContext;
let quancheng: TestClient;
let lixia: TestClient;
let shizhong: TestClient;
const decided: { id: string; how: string }[] = [];

beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
  [quancheng, lixia, shizhong] = await Promise.all(['quancheng_admin', 'lixia_admin', 'shizhong_admin'].map((u) => t.as(u)));
  const note = (how: string) => async (ctx: SubjectContext) => void decided.push({ id: ctx.review.subjectId, how });
  registerReviewSubject('org_affiliation', { approved: note('approved'), returned: note('returned'), withdrawn: note('withdrawn'), resubmitted: async () => ({}) });
});
afterAll(async () => t?.close());

async function submitTwoStages(submitterName: string) {
  const submitter = await t.orgId(submitterName);
  const subjectId = randomUUID();
  const [{ parentId }] = await t.deps.db.select({ parentId: orgs.parentId }).from(orgs).where(eq(orgs.id, submitter));
  const review = await t.deps.db.transaction((tx) =>
    openReview(tx as Tx, t.deps, { accountId: null, username: null, name: null, orgId: submitter, ip: null }, null, {
      subjectType: 'org_affiliation',
      subjectId,
      submitterOrgId: submitter,
      submittedBy: null,
      title: `测试：${submitterName}两级审核`,
      changes: [{ label: '测试项', before: '甲', after: '乙' }],
      payload: {},
      plan: [
        { stage: 1, label: '上级工会审核', reviewer: { upperOf: submitter } },
        { stage: 2, label: '区总工会审核', reviewer: { upperOf: parentId! } },
      ],
    }),
  );
  return { review, subjectId };
}

describe('stages in sequence', () => {
  it('starts the second stage only when the first approves, and resolves its reviewer then', async () => {
    const { review, subjectId } = await submitTwoStages('济南泉城软件有限公司工会');
    let d = (await lixia.get(`/api/reviews/${review.id}`)).json();
    expect(d.steps).toMatchObject([
      { stage: 1, status: 'pending', reviewerOrgName: '泉城路街道总工会' },
      { stage: 2, status: 'waiting', reviewerOrgName: null },
    ]);
    // Nobody can act on a stage that has not started: the district acts for the street union now.
    const first = await lixia.post(`/api/reviews/${review.id}/approve`, { version: d.version });
    expect(first.statusCode, first.body).toBe(200);
    d = first.json();
    expect(d.status).toBe('pending');
    expect(d.steps).toMatchObject([
      { stage: 1, status: 'approved' },
      { stage: 2, status: 'pending', reviewerOrgName: '历下区总工会' },
    ]);
    expect(decided.find((x) => x.id === subjectId)).toBeUndefined();
    const second = await lixia.post(`/api/reviews/${review.id}/approve`, { version: d.version, reason: '同意' });
    expect(second.json()).toMatchObject({ status: 'approved', steps: [{ status: 'approved' }, { status: 'approved', reason: '同意' }] });
    expect(decided.find((x) => x.id === subjectId)?.how).toBe('approved');
    expect(second.json().trail.map((x: { action: string; stepLabel: string | null }) => [x.action, x.stepLabel])).toEqual([
      ['submitted', null],
      ['approved', '上级工会审核'],
      ['approved', '区总工会审核'],
    ]);
  });

  it('resolves a later stage from the tree as it stands when the stage starts', async () => {
    const { review } = await submitTwoStages('济南大观园商业管理有限公司工会');
    // Stage 2 names "the upper union of 大观园街道总工会"; move that street under 历下区 before it starts.
    const street = await t.orgId('大观园街道总工会');
    const lixiaId = await t.orgId('历下区总工会');
    await t.deps.db.update(orgs).set({ parentId: lixiaId }).where(eq(orgs.id, street));
    const d = (await shizhong.get(`/api/reviews/${review.id}`)).json();
    const ok = await shizhong.post(`/api/reviews/${review.id}/approve`, { version: d.version });
    expect(ok.statusCode, ok.body).toBe(200);
    const now = (await lixia.get(`/api/reviews/${review.id}`)).json();
    expect(now.steps[1]).toMatchObject({ status: 'pending', reviewerOrgName: '历下区总工会', canAct: true });
    expect((await lixia.get('/api/reviews?box=todo')).json().items.map((x: { id: string }) => x.id)).toContain(review.id);
    // A union that is neither reviewer nor above one cannot act.
    expect((await quancheng.post(`/api/reviews/${review.id}/approve`, { version: now.version })).statusCode).toBe(404);
  });

  it('a return in the first stage ends the review: the second never starts', async () => {
    const { review, subjectId } = await submitTwoStages('济南泉城软件有限公司工会');
    const r = await lixia.post(`/api/reviews/${review.id}/return`, { version: 1, reason: '材料不全' });
    expect(r.json()).toMatchObject({ status: 'returned', steps: [{ status: 'returned', reason: '材料不全' }, { status: 'cancelled', reviewerOrgName: null }] });
    expect(decided.find((x) => x.id === subjectId)?.how).toBe('returned');
    const counts = (await quancheng.get('/api/reviews/counts')).json();
    expect(counts.returned).toBeGreaterThanOrEqual(1);
  });
});
