import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Empty, Popconfirm, Space, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { accountStatusLabels, roleLabels, type AccountRow } from '@gonghui/contracts';
import { accountsApi } from '../api/accounts';
import { errorMessage } from '../api/client';
import { OnceSecretModal } from '../components/once-secret-modal';
import { useSession } from '../hooks/use-session';
import { formatDateTime, orDash } from '../utils/format';

const statusEnum = {
  active: { text: accountStatusLabels.active, status: 'Success' },
  disabled: { text: accountStatusLabels.disabled, status: 'Default' },
};

const isLocked = (a: AccountRow) => !!a.lockedUntil && dayjs(a.lockedUntil).isAfter(dayjs());

/** 账号管理: accounts holding posts in the subtree; reset password, disable/enable, unlock. */
export function AccountsPage() {
  const session = useSession();
  const actionRef = useRef<ActionType>(null);
  const { message } = App.useApp();
  const [temp, setTemp] = useState<{ account: AccountRow; password: string } | null>(null);

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
      actionRef.current?.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const resetPassword = async (account: AccountRow) => {
    try {
      const { temporaryPassword } = await accountsApi.resetPassword(account.id);
      setTemp({ account, password: temporaryPassword });
      actionRef.current?.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: ProColumns<AccountRow>[] = [
    { title: '关键词', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '用户名或姓名' } },
    { title: '用户名', dataIndex: 'username', search: false, render: (_, a) => <span className="mono">{a.username}</span> },
    { title: '姓名', dataIndex: 'name', search: false, render: (_, a) => <span className="nowrap">{a.name}</span> },
    { title: '手机号', dataIndex: 'phoneMasked', search: false, render: (_, a) => orDash(a.phoneMasked) },
    {
      title: '岗位',
      dataIndex: 'posts',
      search: false,
      render: (_, a) =>
        a.posts.length ? (
          <Space size={[4, 4]} wrap>
            {a.posts.map((p) => (
              <Tag key={p.id}>
                {p.orgName} · {roleLabels[p.role] ?? p.role}
              </Tag>
            ))}
          </Space>
        ) : (
          <span className="muted">无岗位</span>
        ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: statusEnum,
      width: 150,
      render: (_, a) => (
        <Space size={4} wrap>
          <Tag color={a.status === 'active' ? 'success' : 'default'}>{accountStatusLabels[a.status]}</Tag>
          {isLocked(a) && (
            <Tooltip title={`锁定至 ${formatDateTime(a.lockedUntil)}`}>
              <Tag color="error">已锁定</Tag>
            </Tooltip>
          )}
          {a.mustChangePassword && <Tag color="warning">待改初始密码</Tag>}
        </Space>
      ),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', search: false, width: 170, render: (_, a) => formatDateTime(a.lastLoginAt) },
    {
      title: '操作',
      key: 'op',
      search: false,
      width: 220,
      render: (_, a) => {
        const self = a.id === session.account.id;
        return (
          <Space size={0} wrap>
            <Popconfirm
              title="重置密码"
              description={`将为 ${a.name} 生成临时密码，其原密码立即失效，登录后须修改。确定重置？`}
              okText="确认重置"
              cancelText="取消"
              onConfirm={() => resetPassword(a)}
              disabled={self}
            >
              <Button type="link" size="small" disabled={self}>
                重置密码
              </Button>
            </Popconfirm>
            {a.status === 'active' ? (
              <Popconfirm
                title="停用账号"
                description={`停用后 ${a.name} 将无法登录，现有会话立即失效。确定停用？`}
                okText="确认停用"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => run(() => accountsApi.disable(a.id), '账号已停用')}
                disabled={self}
              >
                <Button type="link" size="small" danger disabled={self}>
                  停用
                </Button>
              </Popconfirm>
            ) : (
              <Button type="link" size="small" onClick={() => run(() => accountsApi.enable(a.id), '账号已启用')}>
                启用
              </Button>
            )}
            {isLocked(a) && (
              <Button type="link" size="small" onClick={() => run(() => accountsApi.unlock(a.id), '已解除锁定')}>
                解锁
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <PageContainer title="账号管理" breadcrumb={{ items: [{ title: '账号管理' }] }} content="本单位及下级单位持有岗位的账号。重置密码后，新的临时密码只显示一次。">
      <ProTable<AccountRow>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        size="middle"
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        options={{ reload: true, density: false, setting: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 个账号` }}
        locale={{ emptyText: <Empty description="没有符合条件的账号" /> }}
        request={async ({ current = 1, pageSize = 20, q, status }) => {
          const page = await accountsApi.search({ page: current, pageSize, q: q || undefined, status });
          return { data: page.items, total: page.total, success: true };
        }}
        onRequestError={(e) => message.error(errorMessage(e))}
      />
      <OnceSecretModal
        open={!!temp}
        title="临时密码已生成"
        secret={temp?.password ?? null}
        testId="temp-password"
        description={temp && <p>账号：{temp.account.username}（{temp.account.name}）。请通过可靠渠道告知本人，其首次登录时须修改密码。</p>}
        onClose={() => setTemp(null)}
      />
    </PageContainer>
  );
}
