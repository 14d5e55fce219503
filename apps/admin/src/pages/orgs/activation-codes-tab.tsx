import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Descriptions, Empty, Popconfirm, Tag } from 'antd';
import { useRef, useState } from 'react';
import { activationCodeStatusLabels, roleLabels, type OrgDetail } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { orgsApi, type ActivationCodeRow, type IssuedActivationCode } from '../../api/orgs';
import { OnceSecretModal } from '../../components/once-secret-modal';
import { TwoLines } from '../../components/two-lines';
import { formatDateTime, formatMinute } from '../../utils/format';
import { IssueCodeModal } from './issue-code-modal';

const STATUS_COLORS: Record<ActivationCodeRow['status'], string> = {
  unused: 'processing',
  used: 'success',
  revoked: 'default',
  expired: 'warning',
};

/** 岗位激活码: issued codes (hint only), issue a new one, revoke an unused one. */
export function ActivationCodesTab({ org }: { org: OrgDetail }) {
  const actionRef = useRef<ActionType>(null);
  const [issued, setIssued] = useState<IssuedActivationCode | null>(null);
  const { message } = App.useApp();

  const revoke = async (id: string) => {
    try {
      await orgsApi.revokeActivationCode(id);
      message.success('激活码已撤销');
      actionRef.current?.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: ProColumns<ActivationCodeRow>[] = [
    { title: '激活码', dataIndex: 'codeHint', render: (_, r) => <span className="mono nowrap">{r.codeHint}</span> },
    { title: '岗位角色', dataIndex: 'role', render: (_, r) => <span className="nowrap">{roleLabels[r.role] ?? r.role}</span> },
    {
      title: '状态',
      dataIndex: 'status',
      render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{activationCodeStatusLabels[r.status] ?? r.status}</Tag>,
    },
    { title: '有效期至', dataIndex: 'expiresAt', render: (_, r) => <span className="nowrap">{formatMinute(r.expiresAt)}</span> },
    {
      title: '签发',
      dataIndex: 'createdAt',
      render: (_, r) => <TwoLines top={r.createdByName} bottom={formatMinute(r.createdAt)} />,
    },
    {
      title: '使用',
      dataIndex: 'usedAt',
      render: (_, r) => (r.usedAt ? <TwoLines top={r.usedByName ?? '—'} bottom={formatMinute(r.usedAt)} /> : '—'),
    },
    { title: '备注', dataIndex: 'note', render: (_, r) => r.note ?? '—' },
    {
      title: '操作',
      key: 'op',
      width: 80,
      render: (_, r) =>
        r.status === 'unused' ? (
          <Popconfirm
            title="撤销激活码"
            description="撤销后该激活码立即失效，确定撤销？"
            okText="确认撤销"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => revoke(r.id)}
          >
            <Button type="link" size="small" danger>
              撤销
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <>
      <ProTable<ActivationCodeRow>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        search={false}
        scroll={{ x: 'max-content' }}
        size="middle"
        cardProps={false}
        options={{ reload: true, density: false, setting: false }}
        headerTitle="已签发的激活码"
        toolBarRender={() => [
          <IssueCodeModal
            key="issue"
            org={org}
            onIssued={(code) => {
              setIssued(code);
              actionRef.current?.reload();
            }}
          />,
        ]}
        pagination={{ defaultPageSize: 10, showSizeChanger: true }}
        locale={{ emptyText: <Empty description="尚未签发激活码" /> }}
        request={async ({ current = 1, pageSize = 10 }) => {
          const page = await orgsApi.activationCodes(org.id, current, pageSize);
          return { data: page.items, total: page.total, success: true };
        }}
        onRequestError={(e) => message.error(errorMessage(e))}
      />
      <OnceSecretModal
        open={!!issued}
        title="激活码已签发"
        secret={issued?.code ?? null}
        testId="issued-code"
        description={
          issued && (
            <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
              <Descriptions.Item label="组织">{issued.orgName}</Descriptions.Item>
              <Descriptions.Item label="岗位角色">{roleLabels[issued.role]}</Descriptions.Item>
              <Descriptions.Item label="有效期至">{formatDateTime(issued.expiresAt)}</Descriptions.Item>
            </Descriptions>
          )
        }
        onClose={() => setIssued(null)}
      />
    </>
  );
}
