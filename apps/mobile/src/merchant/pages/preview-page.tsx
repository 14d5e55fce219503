import { Button, ErrorBlock, Toast } from 'antd-mobile';
import { CheckCircleFill, ExclamationCircleFill } from 'antd-mobile-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { eCouponStatusLabels, redemptionBlockerLabels, type Redemption } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../../api/client';
import { FormError } from '../../components/form-error';
import { NavPage } from '../../components/nav-page';
import { ValidityText } from '../../components/validity-text';
import { PageSkeleton } from '../../components/page-skeleton';
import { useIdempotentSubmit } from '../../hooks/use-idempotent-submit';
import { CouponFace, RedemptionFacts } from '../components';
import { merchantApi, type RedemptionInput } from '../merchant-api';

/** A failed preview: the server's words, and the two ways to try again. */
function PreviewRefused({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const navigate = useNavigate();
  const definite = error instanceof ApiError && error.status >= 400 && error.status < 500;
  return (
    <ErrorBlock
      status="default"
      title={<span className="refused-title">{errorMessage(error)}</span>}
      description={definite ? '请会员打开“我的券”重新出示二维码，或核对券码后重新输入' : '网络或系统暂时有问题，可以重试'}
      style={{ padding: '48px 16px' }}
      data-testid="preview-refused"
    >
      <div className="button-row">
        {!definite && (
          <Button onClick={onRetry} fill="outline">
            重试
          </Button>
        )}
        <Button color="primary" onClick={() => navigate('/scan', { replace: true })}>
          重新扫码
        </Button>
        <Button onClick={() => navigate('/code', { replace: true })}>输入券码</Button>
      </div>
    </ErrorBlock>
  );
}

/** The redemption a REDEMPTION_ALREADY_DONE answer carries, when it does. */
function firstRedemptionOf(e: unknown): Redemption | null {
  if (!(e instanceof ApiError) || e.code !== 'REDEMPTION_ALREADY_DONE') return null;
  const d = e.details as { redemption?: Redemption } | Redemption | null;
  if (d && typeof d === 'object' && 'redemption' in d && d.redemption) return d.redemption;
  if (d && typeof d === 'object' && 'redeemedAt' in d) return d as Redemption;
  return null;
}

/**
 * 核销预览: what the scanned or typed coupon is (face value, validity, holder masked) and whether
 * this merchant may redeem it now; 确认核销 redeems it once (a retried tap replays the answer).
 * Already redeemed: the first redemption, and no button.
 */
export default function PreviewPage() {
  const navigate = useNavigate();
  const input = (useLocation().state ?? null) as RedemptionInput | null;
  const [error, setError] = useState<string | null>(null);
  const [raced, setRaced] = useState<Redemption | null>(null);
  const q = useQuery({
    queryKey: ['redemption-preview', input?.token ?? input?.code ?? ''],
    queryFn: () => merchantApi.preview(input!),
    enabled: !!input,
    staleTime: 0,
    gcTime: 0,
  });
  const { submit, pendingIntent } = useIdempotentSubmit((body: RedemptionInput, key: string) => merchantApi.redeem(body, key));

  if (!input) return <Navigate to="/" replace />;

  const confirm = async () => {
    setError(null);
    const r = await submit(input.token ?? input.code ?? '', input);
    if (!r) return;
    if (r.ok) {
      navigate('/result', { replace: true, state: { redemption: r.value } });
      return;
    }
    const first = firstRedemptionOf(r.error);
    if (first) {
      // Someone redeemed it between the preview and this tap: show theirs.
      setRaced(first);
      Toast.show({ content: '该券已核销，不能重复核销' });
      void q.refetch();
      return;
    }
    setError(errorMessage(r.error));
  };

  const p = q.data;
  const first = p?.redemption ?? raced;
  return (
    <NavPage title="核销确认" back="/">
      {q.isPending ? (
        <PageSkeleton />
      ) : q.isError ? (
        <PreviewRefused error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <div className="page-pad" data-testid="redemption-preview">
          <CouponFace title={p!.couponTitle} name={p!.couponName} faceValueFen={p!.faceValueFen} sub={p!.activityTitle} />
          {p!.canRedeem && !first ? (
            <div className="verdict ok" data-testid="preview-verdict">
              <CheckCircleFill /> 可以核销，请核对后确认
            </div>
          ) : (
            <div className="verdict refused" role="alert" data-testid="preview-verdict">
              <ExclamationCircleFill /> {first ? '该券已核销，不能重复核销' : (p!.blockerMessage ?? (p!.blocker ? redemptionBlockerLabels[p!.blocker] : '不能核销'))}
            </div>
          )}
          {first && <RedemptionFacts r={first} title="首次核销记录" />}
          <div className="kv-card">
            <div className="kv"><span>持券人</span><b data-testid="preview-holder">{p!.holderNameMasked}</b></div>
            <div className="kv"><span>券码</span><b className="mono">{p!.codeMasked}</b></div>
            <div className="kv"><span>状态</span><b>{eCouponStatusLabels[p!.status]}</b></div>
            <div className="kv"><span>使用期限</span><b><ValidityText from={p!.validFrom} to={p!.validTo} /></b></div>
            <div className="kv"><span>发放工会</span><b>{p!.orgName}</b></div>
            {p!.conditions && <div className="kv"><span>使用条件</span><b>{p!.conditions}</b></div>}
          </div>
          <FormError message={error} />
          {p!.canRedeem && !first ? (
            <Button block color="primary" size="large" className="primary-cta" loading={pendingIntent !== null} onClick={confirm} data-testid="confirm-redeem">
              确认核销
            </Button>
          ) : (
            <Button block color="primary" size="large" className="primary-cta" onClick={() => navigate('/scan', { replace: true })}>
              扫描下一张
            </Button>
          )}
        </div>
      )}
    </NavPage>
  );
}
