import { makeIdNumber } from '@gonghui/contracts';
import { expect } from 'vitest';
import type { TestClient, TestContext } from '../../test/harness.js';

/** Test helpers for the member app: registered workers, registry members, their verification. */

export const WORKER_PASSWORD = 'Member#2026ok';
let serial = 0;

export const idOf = (n: number) => makeIdNumber({ addressCode: '370102', birthDate: `1988-07-${String(10 + (n % 18)).padStart(2, '0')}`, sex: 'female', seq: 300 + 2 * n });

/** Registers as the member app does: phone, code, password, region; no username, no name. */
export async function registerWorker(t: TestContext, prefix = '1371'): Promise<{ client: TestClient; phone: string; username: string }> {
  const client = t.client();
  const phone = `${prefix}${String(++serial).padStart(7, '0')}`;
  t.clock.advance(61_000);
  expect((await client.post('/api/auth/sms-code', { purpose: 'register', phone, ...(await client.captcha()) })).statusCode).toBe(200);
  const r = await client.post('/api/auth/register', { phone, smsCode: t.sms.lastCode(phone)!, password: WORKER_PASSWORD, region: '历下区' });
  expect(r.statusCode, r.body).toBe(201);
  return { client, phone, username: r.json().account.username };
}

/** Adds a member to a base union through the console's API. */
export async function addMember(t: TestContext, admin: TestClient, orgName: string, name: string, idNumber: string) {
  const r = await admin.post(`/api/orgs/${await t.orgId(orgName)}/members`, { idType: 'resident_id', idNumber, name });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; memberNo: string; version: number };
}

/** The review of a verification (or phone change) in a union's 待我审核 box. */
export async function reviewInTodo(admin: TestClient, subjectType: string, subjectId: string) {
  const todo = (await admin.get(`/api/reviews?box=todo&subjectType=${subjectType}`)).json();
  return todo.items.find((x: { subjectId: string }) => x.subjectId === subjectId) as { id: string; title: string; submitterOrgName: string } | undefined;
}

/** A worker verified against a fresh member of the given union, approved by its admin. */
export async function verifiedWorker(t: TestContext, admin: TestClient, orgName: string, name: string, n: number) {
  const w = await registerWorker(t);
  const member = await addMember(t, admin, orgName, name, idOf(n));
  const v = await w.client.post('/api/me/verification', { name, idNumber: idOf(n), agreed: true });
  expect(v.statusCode, v.body).toBe(201);
  const review = await reviewInTodo(admin, 'member_verification', v.json().id);
  expect((await admin.post(`/api/reviews/${review!.id}/approve`, { version: 1 })).statusCode).toBe(200);
  return { ...w, member, idNumber: idOf(n), name };
}
