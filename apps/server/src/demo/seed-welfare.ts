import type { Role } from '@gonghui/contracts';
import { eq } from 'drizzle-orm';
import type { Deps } from '../platform/deps.js';
import type { Actor } from '../platform/audit/audit.js';
import type { ScopedCaller } from '../platform/auth-context.js';
import { hashPassword } from '../platform/passwords.js';
import { accounts } from '../modules/accounts/accounts.table.js';
import { findAccount, listActivePosts, updateAccount } from '../modules/accounts/index.js';
import { createActivity, getActivity, setActivityOpen, submitActivity } from '../modules/benefits/activities.service.js';
import { registerBenefitReviews } from '../modules/benefits/activity-review-subject.js';
import { createCoupon, setCouponEnabled } from '../modules/benefits/coupons.service.js';
import { createMerchantStaff } from '../modules/benefits/merchant-staff.service.js';
import { createMerchant, setMerchantStatus } from '../modules/benefits/merchants.service.js';
import { approveReview } from '../modules/reviews/index.js';
import { DEMO_PASSWORD } from './seed.js';

const DAY = 86_400_000;
/** The demo merchant's staff phone: it logs in to the merchant app (/merchant/) with DEMO_PASSWORD. */
export const DEMO_MERCHANT_PHONE = '13953100001';

/** A demo account acting in its post, as the console would. */
async function callerOf(deps: Deps, username: string): Promise<{ caller: ScopedCaller; actor: Actor }> {
  const [acc] = await deps.db.select().from(accounts).where(eq(accounts.username, username));
  const [post] = await listActivePosts(deps.db, acc.id);
  const caller: ScopedCaller = {
    sessionId: 'demo-seed',
    accountId: acc.id,
    username: acc.username,
    name: acc.name,
    csrfToken: '',
    mustChangePassword: false,
    passwordExpired: false,
    totpEnabled: false,
    totpRequired: false,
    post: { id: post.id, orgId: post.orgId, orgPath: post.orgPath, orgName: post.orgName, orgKind: post.orgKind, role: post.role as Role },
    scopePath: post.orgPath,
  };
  return { caller, actor: { accountId: acc.id, username: acc.username, name: acc.name, orgId: post.orgId, ip: null } };
}

/**
 * 普惠活动 for the demo, made through the console's own services so that it carries its audit
 * records and review trail: 大观园商管工会 runs a merchant with a staff login, an enabled coupon and
 * a 中秋节 activity that 市中区总工会 approved (acting for the street union above it) and that is open.
 */
export async function seedDemoWelfare(deps: Deps): Promise<{ phone: string; password: string; role: string }> {
  // The seed runs before the app is built: the review must know what approval does to an activity.
  registerBenefitReviews();
  const base = await callerOf(deps, 'daguanyuan_admin');
  const upper = await callerOf(deps, 'shizhong_admin');
  const now = deps.now().getTime();
  // The activity was prepared ten minutes ago and starts five minutes ago, so it is claimable now.
  const earlier = { ...deps, now: () => new Date(now - 10 * 60_000) };

  let merchant = await createMerchant(deps, base.caller, base.actor, {
    name: '大观园职工之家',
    contactName: '褚亮',
    phone: DEMO_MERCHANT_PHONE,
    landline: '0531-86012345',
    kind: 'union',
    serviceType: 'ordinary',
    tags: ['福利发放', '生日蛋糕'],
    address: '山东省济南市市中区经四路大观园商场一楼',
    intro: '大观园商管工会的福利领取点：中秋、春节福利及会员生日蛋糕凭券领取。',
    settledOn: '2020-09-01',
    longitude: 116.992,
    latitude: 36.659,
  });
  merchant = await setMerchantStatus(deps, base.caller, base.actor, merchant.id, 'online', merchant.version);
  const staff = await createMerchantStaff(deps, base.caller, base.actor, merchant.id, { name: '大观园核销员', phone: DEMO_MERCHANT_PHONE });
  // The demo's logins all share the seed's first password (changed at first login, as seed 001 says).
  const acc = await findAccount(deps.db, staff.staff.accountId);
  if (acc && staff.initialPassword) await updateAccount(deps.db, acc.id, { passwordHash: await hashPassword(DEMO_PASSWORD), mustChangePassword: true });

  let coupon = await createCoupon(deps, base.caller, base.actor, {
    kind: 'union_activity',
    merchantId: merchant.id,
    title: '中秋节福利',
    name: '中秋节福利券',
    quantity: 500,
    validFrom: new Date(now - 10 * 60_000).toISOString(),
    validTo: new Date(now + 30 * DAY).toISOString(),
    faceValueFen: 5000,
    conditions: '凭券到大观园职工之家领取月饼一盒',
    description: '2026年中秋节会员福利',
  });
  coupon = await setCouponEnabled(deps, base.caller, base.actor, coupon.id, true, coupon.version);

  let activity = await createActivity(earlier, base.caller, base.actor, {
    kind: 'coupon_claim',
    title: '中秋节福利发放',
    claimLimitKind: 'once',
    scope: 'own',
    startsAt: new Date(now - 5 * 60_000).toISOString(),
    endsAt: new Date(now + 20 * DAY).toISOString(),
    contentHtml: '<p>本工会会员每人可领取<strong>中秋节福利券</strong>一张，凭券到大观园职工之家领取月饼一盒。</p><p>领取期限内未领取的，视为自动放弃。</p>',
    prizes: [{ couponId: coupon.id, quantity: 300 }],
  });
  activity = await submitActivity(earlier, base.caller, base.actor, activity.id, activity.version);
  await approveReview(earlier, { accountId: upper.caller.accountId, name: upper.caller.name, orgId: upper.caller.post.orgId, scopePath: upper.caller.scopePath }, upper.actor, activity.reviewId!, { version: 1, reason: '同意发放' });
  const approved = await getActivity(deps, base.caller, activity.id);
  await setActivityOpen(deps, base.caller, base.actor, activity.id, true, approved.version);
  return { phone: DEMO_MERCHANT_PHONE, password: DEMO_PASSWORD, role: `${merchant.name} · 商家店员（商家端 /merchant/，手机号登录）` };
}
