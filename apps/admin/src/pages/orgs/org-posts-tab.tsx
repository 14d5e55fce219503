import { App, Button, Empty, Popconfirm, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roleLabels } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { orgsApi, type OrgPostRow } from '../../api/orgs';
import { usePermission, useSession } from '../../hooks/use-session';
import { formatDateTime } from '../../utils/format';

/** 岗位与账号: who holds a post at this organisation; a post can be revoked. */
export function OrgPostsTab({ orgId }: { orgId: string }) {
  const session = useSession();
  const canRevoke = usePermission('org.write') || usePermission('account.manage');
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const key = ['org', orgId, 'posts'];
  const posts = useQuery({ queryKey: key, queryFn: () => orgsApi.posts(orgId) });
  const revoke = useMutation({
    mutationFn: (postId: string) => orgsApi.revokePost(postId),
    onSuccess: () => {
      message.success('岗位已撤销');
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (e) => message.error(errorMessage(e)),
  });

  return (
    <>
      <div className="tab-toolbar">
        <Typography.Text type="secondary">在本组织持有岗位的账号。需要新增管理员时，请在“岗位激活码”中签发激活码。</Typography.Text>
      </div>
      <Table<OrgPostRow>
        rowKey="id"
        size="middle"
        loading={posts.isLoading}
        dataSource={posts.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={posts.error ? (posts.error as Error).message : '该组织暂无岗位'} /> }}
        columns={[
          { title: '用户名', dataIndex: 'username', render: (v: string) => <span className="mono">{v}</span> },
          {
            title: '姓名',
            dataIndex: 'name',
            render: (v: string, row) => (
              <>
                {v}
                {row.accountId === session.account.id && (
                  <Tag color="red" style={{ marginLeft: 6 }}>
                    本人
                  </Tag>
                )}
              </>
            ),
          },
          { title: '角色', dataIndex: 'role', render: (r: OrgPostRow['role']) => roleLabels[r] ?? r },
          { title: '绑定时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          ...(canRevoke
            ? [
                {
                  title: '操作',
                  key: 'op',
                  width: 110,
                  render: (_: unknown, row: OrgPostRow) => (
                    <Popconfirm
                      title="撤销岗位"
                      description={`撤销后 ${row.name} 将失去该岗位的全部权限，确定撤销？`}
                      okText="确认撤销"
                      okButtonProps={{ danger: true }}
                      cancelText="取消"
                      onConfirm={() => revoke.mutateAsync(row.id).catch(() => undefined)}
                    >
                      <Button type="link" size="small" danger>
                        撤销岗位
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
