import { eCouponStatusLabels, type MyCoupon } from '@gonghui/contracts';
import { dateTime, yuan } from '../../utils/format';

/** One e-coupon as a ticket: value, title, validity or what became of it. */
export function CouponTicket({ c, onOpen }: { c: MyCoupon; onOpen?: () => void }) {
  const used = c.status !== 'claimed';
  return (
    <button type="button" className={used ? 'ticket used' : 'ticket'} onClick={onOpen} disabled={!onOpen} data-testid="coupon-ticket">
      <div className="ticket-value">
        <small>¥</small>
        <b>{yuan(c.faceValueFen)}</b>
      </div>
      <div className="ticket-body">
        <div className="ticket-title">{c.couponTitle}</div>
        <div className="ticket-name">{c.couponName}{c.merchantName ? ` · ${c.merchantName}` : ''}</div>
        <div className="ticket-meta">
          {c.status === 'claimed' && <>有效期至 {dateTime(c.validTo)}</>}
          {c.status === 'redeemed' && <>{dateTime(c.redeemedAt)} 于 {c.redeemedMerchantName ?? '商家'} 核销</>}
          {c.status === 'expired' && <>{dateTime(c.validTo)} 已到期，未使用</>}
        </div>
      </div>
      {used ? <span className={`ticket-stamp ${c.status}`}>{eCouponStatusLabels[c.status]}</span> : <span className="ticket-go">去使用</span>}
    </button>
  );
}
