import { ModalForm, ProFormText } from '@ant-design/pro-components';
import { UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Empty, Form, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MERCHANT_STAFF_DEFAULT_PASSWORD_HINT } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { merchantsApi, type Merchant, type MerchantStaff } from '../../api/benefits';
import { FormAlert } from '../../components/form-alert';
import { OnceSecretModal } from '../../components/once-secret-modal';
import { applyFormError } from '../../utils/form-errors';
import { formatMinute } from '../../utils/format';
import { mobileRule, requiredRule } from '../../utils/rules';

/**
 * 店员账号: who may log in to the merchant app (商家核销端) for this merchant, by phone. A new
 * account's initial password is shown once, and must be changed at first login (seed 001).
 */
export function MerchantStaffDrawer({ merchant, onClose, onChanged }: { merchant: Merchant | null; onClose: () => void; onChanged: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [formError, setFormError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ password: string; who: string } | null>(null);
  const key = ['merchant-staff', merchant?.id];
  const q = useQuery({ queryKey: key, queryFn: () => merchantsApi.staff(merchant!.id), enabled: !!merchant });
  const remove = useMutation({
    mutationFn: (s: MerchantStaff) => merchantsApi.removeStaff(merchant!.id, s.id),
    onSuccess: () => {
      message.success('已停用该店员的核销权限');
      void qc.invalidateQueries({ queryKey: key });
      onChanged();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  // Live logins first; a stopped one stays listed as 已停用 (its account is kept) until it is opened again.
  const rows = [...(q.data?.items ?? [])].sort((a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt));

  return (
    <Drawer
      title={merchant ? `店员账号：${merchant.name}` : ''}
      width={760}
      open={!!merchant}
      onClose={onClose}
      destroyOnHidden
      extra={
        merchant && (
          <ModalForm
            title="添加店员"
            form={form}
            width={460}
            modalProps={{ destroyOnHidden: true, maskClosable: false, afterClose: () => setFormError(null) }}
            trigger={
              <Button type="primary" icon={<UserAddOutlined />} data-testid="staff-add">
                添加店员
              </Button>
            }
            submitter={{ searchConfig: { submitText: '开通', resetText: '取消' } }}
            onFinish={async (values: { name: string; phone: string }) => {
              setFormError(null);
              try {
                const created = await merchantsApi.addStaff(merchant.id, values);
                void qc.invalidateQueries({ queryKey: key });
                onChanged();
                if (created.initialPassword) setSecret({ password: created.initialPassword, who: `${created.staff.name}（${created.staff.phoneMasked ?? values.phone}）` });
                else message.success(`已开通：${created.staff.name}使用自己现有账号的密码登录商家端`, 5);
                return true;
              } catch (e) {
                setFormError(applyFormError(form, e));
                return false;
              }
            }}
          >
            <FormAlert message={formError} />
            <ProFormText name="name" label="姓名" rules={[requiredRule('请填写店员姓名')]} fieldProps={{ maxLength: 32 }} />
            <ProFormText name="phone" label="手机号码" rules={[mobileRule]} extra="店员用此手机号登录商家核销端" fieldProps={{ maxLength: 20 }} />
          </ModalForm>
        )
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="店员用手机号登录商家核销端（手机浏览器打开 /merchant/），扫描会员“我的券”中的二维码核销。"
        description="新开通的账号会生成初始密码（仅显示一次），首次登录须修改。一个账号只能服务一个商家。"
      />
      <Table<MerchantStaff>
        rowKey="id"
        size="middle"
        loading={q.isPending}
        dataSource={rows}
        rowClassName={(s) => (s.revokedAt ? 'staff-revoked' : '')}
        pagination={false}
        locale={{ emptyText: <Empty description="还没有店员账号，点击右上角“添加店员”开通" /> }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '手机号', dataIndex: 'phoneMasked', width: 130, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
          { title: '登录账号', dataIndex: 'username', ellipsis: true, render: (v: string) => <span className="mono">{v}</span> },
          {
            title: '状态',
            key: 'state',
            width: 120,
            render: (_, s) =>
              s.revokedAt ? (
                <Tooltip title={`${formatMinute(s.revokedAt)} 停用，不能再为本商家核销`}>
                  <Tag data-testid="staff-revoked">已停用</Tag>
                </Tooltip>
              ) : s.mustChangePassword ? (
                <Tag color="orange">待修改初始密码</Tag>
              ) : (
                <Tag color="green">已设置密码</Tag>
              ),
          },
          { title: '开通时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatMinute(v) },
          {
            title: '操作',
            key: 'op',
            width: 80,
            render: (_, s) =>
              s.revokedAt ? (
                <span className="muted">—</span>
              ) : (
                <Popconfirm title={`停用 ${s.name} 的核销权限？`} description="该账号将不能再为本商家核销；账号本身保留。" okText="停用" cancelText="取消" onConfirm={() => remove.mutateAsync(s)}>
                  <Button type="link" size="small" danger data-testid="staff-revoke">
                    停用
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <OnceSecretModal
        open={!!secret}
        title="店员账号已开通"
        secret={secret?.password ?? null}
        testId="staff-initial-password"
        description={
          <Typography.Paragraph>
            {secret?.who} 的初始密码如下。{MERCHANT_STAFF_DEFAULT_PASSWORD_HINT}。
          </Typography.Paragraph>
        }
        onClose={() => setSecret(null)}
      />
    </Drawer>
  );
}
