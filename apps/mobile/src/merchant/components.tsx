import type { Redemption } from '@gonghui/contracts';
import { dateTime, yuan } from '../utils/format';

/** The first (and only) redemption of a coupon: what a refused second scan shows. */
export function RedemptionFacts({ r, title }: { r: Redemption; title: string }) {
  return (
    <div className="kv-card" data-testid="first-redemption">
      <div className="kv-card-title">{title}</div>
      <div className="kv"><span>核销时间</span><b data-testid="first-redemption-at">{dateTime(r.redeemedAt)}</b></div>
      <div className="kv"><span>核销商家</span><b>{r.merchantName}</b></div>
      <div className="kv"><span>核销人</span><b>{r.redeemedByName}</b></div>
      <div className="kv"><span>券码</span><b className="mono">{r.codeMasked}</b></div>
      <div className="kv"><span>面值</span><b>¥{yuan(r.faceValueFen)}</b></div>
    </div>
  );
}

/** A coupon's face: title, name and the face value large. */
export function CouponFace({ title, name, faceValueFen, sub }: { title: string; name: string; faceValueFen: number; sub?: string }) {
  return (
    <section className="coupon-face" data-testid="coupon-face">
      <div className="coupon-face-value">
        <small>¥</small>
        <b data-testid="coupon-face-value">{yuan(faceValueFen)}</b>
      </div>
      <div className="coupon-face-text">
        <div className="coupon-face-title">{title}</div>
        <div className="coupon-face-name">{name}</div>
        {sub && <div className="coupon-face-sub">{sub}</div>}
      </div>
    </section>
  );
}
