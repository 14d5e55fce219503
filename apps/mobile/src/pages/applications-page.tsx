import { Button, Dialog, ErrorBlock, Form, Input, Popup, PullToRefresh, TextArea, Toast } from 'antd-mobile';
import { AddOutline } from 'antd-mobile-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { applicationKindLabels } from '@gonghui/contracts';
import { errorMessage } from '../api/client';
import { memberApi, type Application } from '../api/endpoints';
import { NavPage } from '../components/nav-page';
import { PageSkeleton } from '../components/page-skeleton';
import { ErrorState } from '../components/states';
import { ReviewStatusTag } from '../components/status-tag';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }) : '');

/** A returned application, corrected (工作单位, 说明) and sent back to the same union. */
function ResubmitPopup({ app, onClose }: { app: Application | null; onClose: () => void }) {
  const qc = useQueryClient();
  const [form] = Form.useForm<{ workUnitName: string; reason: string }>();
  const m = useMutation({
    mutationFn: (v: { workUnitName: string; reason: string }) => memberApi.resubmitApplication(app!.id, v),
    onSuccess: () => {
      Toast.show({ icon: 'success', content: '已重新提交' });
      void qc.invalidateQueries({ queryKey: ['applications'] });
      onClose();
    },
    onError: (e) => Toast.show({ content: errorMessage(e) }),
  });
  return (
    <Popup visible={!!app} onMaskClick={onClose} destroyOnClose bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12 }}>
      {app && (
        <div className="popup-body">
          <div className="popup-title">修改后重新提交</div>
          <div className="notice-warn">退回原因：{app.returnReason}</div>
          <Form form={form} layout="vertical" footer={null} initialValues={{ workUnitName: app.workUnitName, reason: '' }}>
            <Form.Item name="workUnitName" label="工作单位" rules={[{ required: true, message: '请填写工作单位' }]}>
              <Input maxLength={100} clearable />
            </Form.Item>
            <Form.Item name="reason" label="补充说明">
              <TextArea maxLength={200} showCount rows={3} placeholder="针对退回原因作出说明（选填）" />
            </Form.Item>
          </Form>
          <Button block color="primary" size="large" loading={m.isPending} onClick={async () => m.mutate(await form.validateFields())} className="primary-cta">
            重新提交
          </Button>
          <div className="safe-bottom" />
        </div>
      )}
    </Popup>
  );
}

function ApplicationCard({ a, onResubmit }: { a: Application; onResubmit: () => void }) {
  const qc = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () => memberApi.withdrawApplication(a.id),
    onSuccess: () => {
      Toast.show({ content: '已撤回' });
      void qc.invalidateQueries({ queryKey: ['applications'] });
    },
    onError: (e) => Toast.show({ content: errorMessage(e) }),
  });
  return (
    <article className="app-card" data-testid="application-card">
      <header>
        <span className="app-kind">{applicationKindLabels[a.kind]}</span>
        <ReviewStatusTag status={a.status} />
      </header>
      <div className="app-target">{a.targetOrgName}</div>
      <div className="kv small"><span>申请人</span><b>{a.name}（{a.idNumberMasked}）</b></div>
      <div className="kv small"><span>工作单位</span><b>{a.workUnitName}</b></div>
      <div className="kv small"><span>提交时间</span><b>{when(a.submittedAt)}</b></div>
      {a.status === 'pending' && (
        <div className="kv small" data-testid="application-reviewing"><span>当前审核单位</span><b>{a.reviewingOrgName ?? a.targetOrgName}</b></div>
      )}
      {a.status === 'approved' && a.memberNo && (
        <div className="kv small"><span>会员编号</span><b>{a.memberNo}</b></div>
      )}
      {a.status === 'returned' && a.returnReason && <div className="notice-warn">退回原因：{a.returnReason}</div>}
      {(a.status === 'pending' || a.status === 'returned') && (
        <footer>
          {a.status === 'pending' && (
            <Button
              size="small"
              loading={withdraw.isPending}
              onClick={async () => {
                if (await Dialog.confirm({ content: '确定撤回这份申请吗？', confirmText: '撤回', cancelText: '再想想' })) withdraw.mutate();
              }}
            >
              撤回申请
            </Button>
          )}
          {a.status === 'returned' && (
            <Button size="small" color="primary" onClick={onResubmit}>
              重新提交
            </Button>
          )}
        </footer>
      )}
    </article>
  );
}

/** 入会转会: my applications with status and 当前审核单位; withdraw, resubmit, or apply anew. */
export default function ApplicationsPage() {
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['applications'], queryFn: memberApi.applications, refetchInterval: 30_000 });
  const [resubmit, setResubmit] = useState<Application | null>(null);
  const hasOpen = q.data?.items.some((a) => a.status === 'pending');
  return (
    <NavPage title="入会转会" back="/">
      <div className="page-pad">
        <div className="intro-card">
          <div className="intro-title">申请入会或转会</div>
          <div className="muted">搜索您要加入的基层工会（无需知道所在区县），由该工会审核。</div>
          <Button color="primary" block size="large" className="primary-cta" style={{ marginTop: 12 }} onClick={() => navigate('/applications/new')} disabled={hasOpen} data-testid="apply-new">
            <AddOutline /> {hasOpen ? '已有申请在审核中' : '申请入会 / 转会'}
          </Button>
        </div>
        <div className="block-title" style={{ margin: '20px 4px 8px' }}>我的申请</div>
        {q.isPending ? (
          <PageSkeleton title={false} />
        ) : q.isError ? (
          <ErrorState error={q.error} onRetry={() => q.refetch()} />
        ) : q.data.items.length === 0 ? (
          <ErrorBlock status="empty" title="暂无申请" description="提交的入会、转会申请会显示在这里" />
        ) : (
          <PullToRefresh onRefresh={async () => void (await q.refetch())}>
            {q.data.items.map((a) => (
              <ApplicationCard key={a.id} a={a} onResubmit={() => setResubmit(a)} />
            ))}
          </PullToRefresh>
        )}
      </div>
      <ResubmitPopup app={resubmit} onClose={() => setResubmit(null)} />
    </NavPage>
  );
}
