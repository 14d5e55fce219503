import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestClient } from '../../test/harness.js';

/** Test helpers for the console's 普惠活动 API: images, multipart PUTs, and a merchant → coupon → activity chain. */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A real 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/** The start of a JPEG (SOI + APP0 JFIF), which is all the magic-byte check reads. */
export const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), randomBytes(64), Buffer.from('ffd9', 'hex')]);
/** A zip archive named like a picture. */
export const ZIP_AS_PNG = Buffer.concat([Buffer.from('504b0304', 'hex'), randomBytes(200)]);

/** PUTs one file as multipart/form-data, the way the console's upload control does. */
export function putFile(c: TestClient, url: string, file: Buffer, filename = 'logo.png', mime = 'image/png') {
  const boundary = `----gh${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request('PUT', url, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

let serial = 0;
/** A fresh mobile number for each merchant or staff login a test makes. */
export const nextPhone = () => `1390531${1000 + ++serial}`;

export const merchantBody = (over: Record<string, unknown> = {}) => ({
  name: `日照职工之家${++serial}`,
  contactName: '张',
  phone: nextPhone(),
  landline: '0633-8221234',
  kind: 'union',
  serviceType: 'ordinary',
  tags: ['福利发放', '中秋'],
  address: '日照市东港区海曲中路1号',
  intro: '日照职工之家',
  settledOn: '2020-09-01',
  longitude: 119.52,
  latitude: 35.42,
  ...over,
});

/** Creates a merchant through the API and puts it online. */
export async function onlineMerchant(c: TestClient, over: Record<string, unknown> = {}) {
  const m = await c.post('/api/merchants', merchantBody(over));
  expect(m.statusCode, m.body).toBe(201);
  const on = await c.post(`/api/merchants/${m.json().id}/online`, { version: m.json().version });
  expect(on.statusCode, on.body).toBe(200);
  return on.json() as { id: string; version: number; name: string };
}

export const iso = (ms: number) => new Date(ms).toISOString();

export const couponBody = (merchantId: string, now: number, over: Record<string, unknown> = {}) => ({
  merchantId,
  title: '中秋节福利',
  name: '中秋节福利券',
  quantity: 1000,
  validFrom: iso(now + 2 * DAY),
  validTo: iso(now + 10 * DAY),
  faceValueFen: 5000,
  conditions: '凭券领取月饼一盒',
  description: '中秋节福利券',
  ...over,
});

/** An enabled coupon of an online merchant. */
export async function enabledCoupon(c: TestClient, now: number, over: Record<string, unknown> = {}, merchantId?: string) {
  const mId = merchantId ?? (await onlineMerchant(c)).id;
  const cp = await c.post('/api/coupons', couponBody(mId, now, over));
  expect(cp.statusCode, cp.body).toBe(201);
  const en = await c.post(`/api/coupons/${cp.json().id}/enable`, { version: cp.json().version });
  expect(en.statusCode, en.body).toBe(200);
  return en.json() as { id: string; version: number; merchantId: string; quantity: number; name: string };
}

export const activityBody = (now: number, prizes: { couponId: string; quantity: number }[], over: Record<string, unknown> = {}) => ({
  title: '中秋节福利发放',
  claimLimitKind: 'once',
  scope: 'own',
  startsAt: iso(now + HOUR),
  endsAt: iso(now + 5 * DAY),
  contentHtml: '<p>每位会员可领取<strong>一张</strong>中秋节福利券。</p>',
  prizes,
  ...over,
});
