import { describe, expect, it } from 'vitest';
import {
  activityCreateBodySchema,
  activityUpdateBodySchema,
  couponAuthorisationBodySchema,
  couponCreateBodySchema,
  couponUpdateBodySchema,
  merchantCreateBodySchema,
  merchantUpdateBodySchema,
} from './index.js';

const uuid = '6f1c2a9e-4b7d-4c1e-9a3f-2d8e5b7c1a00';
const merchant = { name: '日照职工之家', contactName: '张', phone: '+86 186-6009-2881', kind: 'union', serviceType: 'ordinary', address: '日照市东港区' };

describe('benefits contract', () => {
  it('normalises a merchant’s phone and landline, and defaults only on creation', () => {
    const m = merchantCreateBodySchema.parse({ ...merchant, landline: '0633 8221234', tags: ['中秋', '中秋'] });
    expect(m).toMatchObject({ phone: '18660092881', landline: '0633-8221234', tags: ['中秋'] });
    expect(merchantCreateBodySchema.parse(merchant).tags).toEqual([]);
    // An edit carries only what it changes: no default may overwrite a stored value.
    expect(merchantUpdateBodySchema.parse({ version: 3, intro: '简介' })).toEqual({ version: 3, intro: '简介' });
    expect(couponUpdateBodySchema.parse({ version: 1, name: '券' })).toEqual({ version: 1, name: '券' });
    expect(activityUpdateBodySchema.parse({ version: 2, title: '新标题' })).toEqual({ version: 2, title: '新标题' });
  });

  it('wants both coordinates or neither', () => {
    const r = merchantCreateBodySchema.safeParse({ ...merchant, longitude: 119.5 });
    expect(r.error?.issues[0]).toMatchObject({ path: ['latitude'], message: '商家位置请同时填写经度和纬度' });
  });

  it('keeps money in whole fen, never negative, and validity in order', () => {
    const base = { merchantId: uuid, title: '中秋节福利', name: '中秋节福利券', quantity: 1000, validFrom: '2026-09-24T00:00:00+08:00', validTo: '2026-10-01T15:00:00+08:00', faceValueFen: 5000 };
    expect(couponCreateBodySchema.parse(base)).toMatchObject({ kind: 'union_activity', faceValueFen: 5000, conditions: null, description: null });
    const bad = couponCreateBodySchema.safeParse({ ...base, faceValueFen: -1, quantity: 0, validTo: '2026-09-23T00:00:00+08:00' });
    expect(bad.error?.issues.map((i) => i.message)).toEqual(['优惠券数量至少为1', '优惠金额不能为负数', '有效期结束时间应晚于开始时间']);
  });

  it('asks N for a daily limit, an end after the start, and each coupon once in the prize list', () => {
    const base = { title: '中秋节福利发放', claimLimitKind: 'once', scope: 'own', startsAt: '2026-09-16T00:00:00+08:00', endsAt: '2026-09-30T00:00:00+08:00' };
    expect(activityCreateBodySchema.parse(base)).toMatchObject({ kind: 'coupon_claim', contentHtml: '', prizes: [] });
    const issues = (v: Record<string, unknown>) => activityCreateBodySchema.safeParse({ ...base, ...v }).error?.issues.map((i) => i.message);
    expect(issues({ claimLimitKind: 'daily' })).toEqual(['请填写每天限制次数']);
    expect(issues({ endsAt: '2026-09-15T00:00:00+08:00' })).toEqual(['活动结束时间应晚于开始时间']);
    expect(issues({ prizes: [{ couponId: uuid, quantity: 1 }, { couponId: uuid, quantity: 2 }] })).toEqual(['同一张优惠券只能添加一次']);
    // An edit may leave a daily limit's N out (the stored one stays), not clear it.
    expect(activityUpdateBodySchema.safeParse({ version: 1, claimLimitKind: 'daily' }).success).toBe(true);
    expect(activityUpdateBodySchema.safeParse({ version: 1, claimLimitKind: 'daily', claimLimitPerDay: null }).success).toBe(false);
  });

  it('authorises a merchant or a phone, not both and not neither', () => {
    expect(couponAuthorisationBodySchema.parse({ phone: '186 6009 2881' })).toEqual({ phone: '18660092881' });
    expect(couponAuthorisationBodySchema.parse({ merchantId: uuid })).toEqual({ merchantId: uuid });
    expect(couponAuthorisationBodySchema.safeParse({}).success).toBe(false);
    expect(couponAuthorisationBodySchema.safeParse({ merchantId: uuid, phone: '18660092881' }).success).toBe(false);
  });
});
