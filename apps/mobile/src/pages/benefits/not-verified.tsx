import { Button, ErrorBlock } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';

/** The server's answer that the member must finish 工会会员认证 first. */
export const needsVerification = (e: unknown) => e instanceof ApiError && (e.code === 'NOT_VERIFIED' || e.code === 'CARD_UNAVAILABLE');

/** Welfare is for verified members (seed 001 二(二)): say so, and lead to 认证. */
export function NotVerified() {
  const navigate = useNavigate();
  return (
    <ErrorBlock status="empty" title="完成会员认证后即可领取工会福利" description="工会福利只发放给经所在工会审核通过的实名认证会员" style={{ padding: '48px 24px' }} data-testid="benefits-not-verified">
      <Button color="primary" onClick={() => navigate('/verify')} style={{ minWidth: 160 }}>
        去认证
      </Button>
    </ErrorBlock>
  );
}
