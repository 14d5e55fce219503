import { Button } from 'antd-mobile';
import { CheckCircleFill } from 'antd-mobile-icons';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { Redemption } from '@gonghui/contracts';
import { NavPage } from '../../components/nav-page';
import { dateTime, yuan } from '../../utils/format';

/** 核销成功: what was redeemed, for whom, when and by whom; then the next scan. */
export default function ResultPage() {
  const navigate = useNavigate();
  const r = ((useLocation().state ?? {}) as { redemption?: Redemption }).redemption;
  if (!r) return <Navigate to="/" replace />;
  return (
    <NavPage title="核销结果" back="/">
      <div className="page-pad" data-testid="redeem-result">
        <div className="result-hero">
          <CheckCircleFill className="result-icon" />
          <div className="result-title">核销成功</div>
          <div className="result-value">¥{yuan(r.faceValueFen)}</div>
          <div className="muted">{r.couponTitle} · {r.couponName}</div>
        </div>
        <div className="kv-card">
          <div className="kv"><span>活动</span><b>{r.activityTitle}</b></div>
          <div className="kv"><span>持券人</span><b>{r.holderNameMasked}</b></div>
          <div className="kv"><span>券码</span><b className="mono">{r.codeMasked}</b></div>
          <div className="kv"><span>核销时间</span><b>{dateTime(r.redeemedAt)}</b></div>
          <div className="kv"><span>核销人</span><b>{r.redeemedByName} · {r.merchantName}</b></div>
        </div>
        <Button block color="primary" size="large" className="primary-cta" onClick={() => navigate('/scan', { replace: true })} data-testid="scan-next">
          继续扫码
        </Button>
        <Button block fill="none" size="large" style={{ marginTop: 8 }} onClick={() => navigate('/', { replace: true })}>
          返回首页
        </Button>
      </div>
    </NavPage>
  );
}
