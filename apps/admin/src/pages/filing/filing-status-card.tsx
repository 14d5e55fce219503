import { Alert, App, Button, Card, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { reviewStatusLabels, type OrgChange } from '@gonghui/contracts';
import { authApi } from '../../api/auth';
import { errorMessage } from '../../api/client';
import { orgLifecycleApi } from '../../api/org-lifecycle';
import { useApplySession, useSession } from '../../hooks/use-session';

const statusColor: Record<string, string> = { pending: 'processing', approved: 'success', returned: 'error', withdrawn: 'default' };

function FilingItem({ f }: { f: OrgChange }) {
  const payload = f.payload as { unionName?: string };
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () => orgLifecycleApi.withdrawFiling(f.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['my-filings'] }),
    onError: (e) => message.error(errorMessage(e)),
  });
  const actions =
    f.status === 'returned'
      ? [
          <Link key="fix" to={`/filing?resubmit=${f.id}`}>
            修改后重新提交
          </Link>,
        ]
      : f.status === 'pending'
        ? [
            <Popconfirm key="withdraw" title="撤回这份资料上报？" description="审核单位处理前可以撤回。" onConfirm={() => withdraw.mutate()}>
              <Button type="link" size="small" loading={withdraw.isPending}>
                撤回
              </Button>
            </Popconfirm>,
          ]
        : [];
  return (
    <List.Item actions={actions}>
      <List.Item.Meta
        title={
          <Space>
            <span>{payload.unionName ?? f.title}</span>
            <Tag color={statusColor[f.status]}>{reviewStatusLabels[f.status as keyof typeof reviewStatusLabels] ?? f.status}</Tag>
          </Space>
        }
        description={
          <Space direction="vertical" size={2}>
            <span>
              审核单位：{f.targetParentName}
              {f.status === 'pending' && f.waitingFor.length > 0 && `（正在等待 ${f.waitingFor.join('、')} 审核）`}
            </span>
            <span>提交时间：{new Date(f.submittedAt).toLocaleString('zh-CN')}</span>
            {f.returnReason && <Typography.Text type="danger">退回原因：{f.returnReason}</Typography.Text>}
          </Space>
        }
      />
    </List.Item>
  );
}

/** The account's filings and how each stands; once one is approved, the way into the console. */
export function FilingStatusCard() {
  const session = useSession();
  const applySession = useApplySession();
  const { message } = App.useApp();
  const filings = useQuery({ queryKey: ['my-filings'], queryFn: orgLifecycleApi.myFilings, refetchInterval: 60_000 });
  const enter = useMutation({
    mutationFn: (postId: string) => authApi.switchPost({ postId }),
    onSuccess: (s) => applySession(s, { resetData: true }),
    onError: (e) => message.error(errorMessage(e)),
  });
  const items = filings.data ?? [];
  const hasPending = items.some((f) => f.status === 'pending');
  const post = session.posts[0];

  return (
    <Card
      title="基层工会资料上报"
      style={{ marginTop: 16 }}
      extra={
        !hasPending && (
          <Link to="/filing">
            <Button type="primary">{items.length > 0 ? '重新上报' : '填写资料上报'}</Button>
          </Link>
        )
      }
    >
      {post && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={`资料上报已审核通过，您已成为「${post.orgName}」的业务管理员`}
          action={
            <Button type="primary" size="small" loading={enter.isPending} onClick={() => enter.mutate(post.id)}>
              进入工作平台
            </Button>
          }
        />
      )}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="单位尚未建立工会组织档案？填写《基层工会资料上报》，由所属街镇（开发区）工会审核通过后即可管理本单位工会。" />
      ) : (
        <List dataSource={items} renderItem={(f) => <FilingItem f={f} />} loading={filings.isLoading} />
      )}
    </Card>
  );
}
