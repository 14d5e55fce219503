import type { Keys } from '../../config.js';
import { checkToken, issueToken, tokenKey, type TokenCheck } from '../../platform/short-lived-token.js';

/**
 * The QR code of an e-coupon: a sealed token naming the e-coupon, valid for two minutes (the app
 * refreshes it while the coupon is on screen). Opaque, so a photographed QR reveals neither the
 * e-coupon's id nor its code, and useless once expired.
 */
export const COUPON_TOKEN_TTL_MS = 2 * 60_000;

export const couponTokenKey = (keys: Keys) => tokenKey(keys, 'gonghui/e-coupon-token/v1');

export const signCouponToken = (keys: Keys, eCouponId: string, now: Date) => issueToken(couponTokenKey(keys), eCouponId, now, COUPON_TOKEN_TTL_MS);

export const checkCouponToken = (keys: Keys, token: string, now: Date): TokenCheck => checkToken(couponTokenKey(keys), token, now);
