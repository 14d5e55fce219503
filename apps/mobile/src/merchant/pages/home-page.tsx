import { Button, ErrorBlock, List, Skeleton } from 'antd-mobile';
import { EditSOutline, LockOutline, ScanningOutline, UnorderedListOutline } from 'antd-mobile-icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { merchantKindLabels } from '@gonghui/contracts';
import { ApiError } from '../../api/client';
import { ErrorState } from '../../components/states';
import { useLogout } from '../../hooks/use-logout';
import { yuan } from '../../utils/format';
import { merchantApi } from '../merchant-api';

/** 商家端首页: which merchant I serve, 扫码核销 and 输入券码, what was redeemed so far. */
export default function MerchantHomePage() {
  const navigate = useNavigate();
  const logout = useLogout();
  const me = useQuery({ queryKey: ['merchant-me'], queryFn: merchantApi.me });
  const sum = useQuery({ queryKey: ['merchant-redemptions-sum'], queryFn: () => merchantApi.history(1), enabled: me.isSuccess, staleTime: 0 });

  if (me.isError) {
    const notStaff = me.error instanceof ApiError && me.error.code === 'NOT_MERCHANT_STAFF';
    return notStaff ? (
      <ErrorBlock status="default" title="不是商家店员账号" description={me.error.message} style={{ padding: '64px 24px' }} data-testid="not-staff">
        <Button color="primary" onClick={logout}>
          换个账号登录
        </Button>
      </ErrorBlock>
    ) : (
      <ErrorState error={me.error} onRetry={() => void me.refetch()} />
    );
  }
  const m = me.data?.merchant;
  const offline = m?.status === 'offline';
  return (
    <div className="merchant-home">
      <section className="merchant-hero">
        {m ? (
          <>
            <div className="merchant-hero-kind">{merchantKindLabels[m.kind]} · {m.orgName}</div>
            <div className="merchant-hero-name" data-testid="merchant-name">{m.name}</div>
            <div className="merchant-hero-sub">核销员：{me.data!.account.name}{me.data!.account.phoneMasked ? `（${me.data!.account.phoneMasked}）` : ''}</div>
          </>
        ) : (
          <Skeleton.Paragraph lineCount={3} animated />
        )}
      </section>
      <div className="merchant-body">
        {offline && <div className="notice-warn">本商家已下线，暂不能核销。如需恢复，请联系发放福利的工会。</div>}
        <button type="button" className="scan-cta" onClick={() => navigate('/scan')} disabled={!m || offline} data-testid="go-scan">
          <ScanningOutline />
          <span>扫码核销</span>
          <small>扫描会员“我的券”中的二维码</small>
        </button>
        <Button block size="large" className="code-cta" onClick={() => navigate('/code')} disabled={!m || offline} data-testid="go-code">
          <EditSOutline /> 输入券码核销
        </Button>
        <div className="history-sum small" data-testid="home-sum">
          <div>
            <b>{sum.data ? sum.data.total : '—'}</b>
            <span>累计核销（张）</span>
          </div>
          <div>
            <b>{sum.data ? `¥${yuan(sum.data.totalFaceValueFen)}` : '—'}</b>
            <span>核销面值合计</span>
          </div>
        </div>
        <List className="me-list">
          <List.Item prefix={<UnorderedListOutline />} onClick={() => navigate('/history')}>核销记录</List.Item>
          <List.Item prefix={<LockOutline />} onClick={() => navigate('/password')}>修改密码</List.Item>
        </List>
        <button type="button" className="logout-button" onClick={logout} data-testid="logout">
          退出登录
        </button>
      </div>
    </div>
  );
}
