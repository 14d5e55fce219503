import { Button, Checkbox, Dialog, Form, Input, Result, Toast } from 'antd-mobile';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { verificationBodySchema, type IdType } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../api/client';
import { memberApi, type Verification } from '../api/endpoints';
import { FormError } from '../components/form-error';
import { IdDocumentFields, pickedIdType } from '../components/id-document-fields';
import { NavPage } from '../components/nav-page';
import { PageSkeleton } from '../components/page-skeleton';
import { ErrorState } from '../components/states';
import { parseInto, showFieldIssues } from '../hooks/form-errors';
import { useVerification } from '../hooks/session';

/** What the member agrees to share, and with whom (matches the server's consent record). */
const CONSENT_TEXT =
  '本人同意将姓名、证件号码、手机号、所在地区提供给本人所在的基层工会，用于核实会员身份、发放电子会员卡及办理会员服务。';

function VerifyForm({ onDone, returned }: { onDone: (v: Verification) => void; returned?: Verification }) {
  const [form] = Form.useForm<{ name: string; idType: IdType[]; idNumber: string }>();
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState<{ message: string; noMatch: boolean } | null>(null);
  const navigate = useNavigate();
  const submit = useMutation({
    mutationFn: memberApi.verify,
    onSuccess: onDone,
    onError: (e) => {
      if (!showFieldIssues(form, e)) setError({ message: errorMessage(e), noMatch: e instanceof ApiError && e.code === 'VERIFICATION_NO_MATCH' });
    },
  });
  const go = () => {
    setError(null);
    const v = form.getFieldsValue();
    const body = parseInto(form, verificationBodySchema, { ...v, idType: pickedIdType(v.idType), agreed: agreed || undefined });
    if (!body) return;
    if (!agreed) return setError({ message: '请阅读并同意《会员信息授权书》', noMatch: false });
    submit.mutate({ name: body.name, idType: body.idType, idNumber: body.idNumber, agreed: true });
  };
  return (
    <>
      {returned?.reason && (
        <div className="notice-warn" data-testid="verify-returned">
          上次认证未通过：{returned.reason}
        </div>
      )}
      <div className="intro-card">
        <div className="intro-title">工会会员认证</div>
        <div className="muted">填写与工会会员信息一致的姓名和证件号码，由您所在的基层工会审核确认。</div>
      </div>
      {error && (
        <div className={error.noMatch ? 'no-match' : ''} data-testid={error.noMatch ? 'verify-no-match' : undefined}>
          <FormError message={error.message} />
          {error.noMatch && (
            <div className="no-match-actions">
              <Button size="small" color="primary" fill="outline" onClick={() => navigate('/applications/new')}>
                申请入会
              </Button>
            </div>
          )}
        </div>
      )}
      <Form form={form} layout="horizontal" footer={null} requiredMarkStyle="none" className="plain-form">
        <Form.Item name="name" label="姓名">
          <Input placeholder="与证件一致" maxLength={50} clearable />
        </Form.Item>
        <IdDocumentFields form={form} />
      </Form>
      <div className="consent-box">
        <Checkbox checked={agreed} onChange={setAgreed} data-testid="verify-consent" style={{ '--icon-size': '18px', '--font-size': '13px' } as React.CSSProperties}>
          我已阅读并同意《会员信息授权书》
        </Checkbox>
        <p className="consent-text">{CONSENT_TEXT}您可在“我的 → 我的授权”中查看授权记录。</p>
      </div>
      <div className="page-pad">
        <Button block color="primary" size="large" loading={submit.isPending} onClick={go} className="primary-cta" data-testid="verify-submit">
          提交认证
        </Button>
      </div>
    </>
  );
}

/** 工会会员认证: the form, or where it stands (pending: which union; returned: why; approved: the card). */
export default function VerifyPage() {
  const q = useVerification();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [retry, setRetry] = useState(false);
  const withdraw = useMutation({
    mutationFn: memberApi.withdrawVerification,
    onSuccess: (v) => qc.setQueryData(['verification'], v),
    onError: (e) => Toast.show({ content: errorMessage(e) }),
  });
  const done = (v: Verification) => {
    qc.setQueryData(['verification'], v);
    setRetry(false);
    Toast.show({ icon: 'success', content: '已提交，等待工会审核' });
  };

  let body;
  if (q.isPending) body = <PageSkeleton />;
  else if (q.isError) body = <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  else {
    const v = q.data;
    if (v.status === 'pending')
      body = (
        <div data-testid="verify-pending">
          <Result status="waiting" title="认证审核中" description={`由「${v.reviewingOrgName ?? v.orgName}」审核，通过后即可使用电子会员卡。审核时间较长时可联系该工会。`} />
          <div className="kv-card">
            <div className="kv"><span>姓名</span><b>{v.name}</b></div>
            <div className="kv"><span>证件号码</span><b>{v.idNumberMasked}</b></div>
            <div className="kv"><span>所在工会</span><b>{v.orgName}</b></div>
            <div className="kv"><span>提交时间</span><b>{v.submittedAt ? new Date(v.submittedAt).toLocaleString('zh-CN', { hour12: false }) : ''}</b></div>
          </div>
          <div className="page-pad">
            <Button
              block
              size="large"
              loading={withdraw.isPending}
              onClick={async () => {
                if (await Dialog.confirm({ content: '撤回后可重新提交认证，确定撤回吗？', confirmText: '撤回', cancelText: '取消' })) withdraw.mutate();
              }}
            >
              撤回认证
            </Button>
          </div>
        </div>
      );
    else if (v.status === 'approved')
      body = (
        <div data-testid="verify-approved">
          <Result status="success" title="认证已通过" description={`您是「${v.orgName}」的会员`} />
          <div className="page-pad">
            <Button block color="primary" size="large" onClick={() => navigate('/card')} className="primary-cta">
              查看电子会员卡
            </Button>
          </div>
        </div>
      );
    else if ((v.status === 'returned' || v.status === 'revoked') && !retry)
      body = (
        <div data-testid="verify-returned-state">
          <Result status="error" title={v.status === 'returned' ? '认证未通过' : '认证已被工会解除'} description={v.reason ? `原因：${v.reason}` : `请联系「${v.orgName}」了解原因`} />
          <div className="page-pad">
            <Button block color="primary" size="large" onClick={() => setRetry(true)} className="primary-cta">
              重新提交
            </Button>
          </div>
        </div>
      );
    else body = <VerifyForm onDone={done} returned={v.status === 'returned' ? v : undefined} />;
  }
  return <NavPage title="工会会员认证">{body}</NavPage>;
}
