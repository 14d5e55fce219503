import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Popconfirm, Space, Tag } from 'antd';
import { useRef, useState } from 'react';
import { couponKindLabels, couponStateLabels, couponStates } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { couponsApi, type Coupon } from '../../api/benefits';
import { TwoLines } from '../../components/two-lines';
import { formatMinute } from '../../utils/format';
import { CouponStateTag } from './benefit-tags';
import { CouponAuthModal } from './coupon-auth-modal';
import { CouponFormDrawer } from './coupon-form-drawer';
import { yuanLabel } from './money';
import { useMerchantOptions } from './use-merchant-options';

const stateEnum = Object.fromEntries(couponStates.map((s) => [s, { text: couponStateLabels[s] }]));

/** 普惠活动 → 优惠券管理 (seed 001 figs. 25–27): 工会活动券; 开启 to put them in activities, 授权 to redeem elsewhere. */
export function CouponsPage() {
  const { message } = App.useApp();
  const actionRef = useRef<ActionType>(null);
  const merchants = useMerchantOptions();
  const [editing, setEditing] = useState<{ coupon: Coupon | null; key: number } | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [authOf, setAuthOf] = useState<Coupon | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const openForm = (coupon: Coupon | null) => {
    setEditing({ coupon, key: Date.now() });
    setFormOpen(true);
  };
  const toggle = async (c: Coupon) => {
    setBusy(c.id);
    try {
      await (c.enabled ? couponsApi.disable(c.id, c.version) : couponsApi.enable(c.id, c.version));
      message.success(c.enabled ? `${c.name} 已关闭，不能再加入新活动` : `${c.name} 已开启，可加入活动的奖品列表`);
      actionRef.current?.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const columns: ProColumns<Coupon>[] = [
    { title: '名称', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '标题或名称中的字', maxLength: 50 } },
    {
      title: '名称',
      dataIndex: 'name',
      search: false,
      fixed: 'left',
      width: 200,
      // A name of up to 50 characters: cut with an ellipsis, shown whole on hover.
      render: (_, c) => (
        <TwoLines cut tooltip={`${c.name}（${c.title}）`} top={c.name} bottom={c.title} testId="coupon-name" />
      ),
    },
    { title: '类型', dataIndex: 'kind', search: false, width: 96, render: (_, c) => <Tag color="red" bordered={false}>{couponKindLabels[c.kind]}</Tag> },
    { title: '核销商家', dataIndex: 'merchantId', valueType: 'select', fieldProps: { options: merchants.options, placeholder: '全部商家', showSearch: true, optionFilterProp: 'label' }, ellipsis: true, width: 140, render: (_, c) => c.merchantName ?? '—' },
    { title: '数量', dataIndex: 'quantity', search: false, width: 96, render: (_, c) => <TwoLines top={`${c.quantity} 张`} bottom={`已分配 ${c.allocated}`} /> },
    { title: '有效日期', dataIndex: 'validFrom', search: false, width: 140, render: (_, c) => <TwoLines top={formatMinute(c.validFrom)} bottom={formatMinute(c.validTo)} /> },
    { title: '金额', dataIndex: 'faceValueFen', search: false, width: 90, align: 'right', render: (_, c) => <b>{yuanLabel(c.faceValueFen)}</b> },
    { title: '说明', dataIndex: 'description', search: false, ellipsis: true, render: (_, c) => c.description ?? c.conditions ?? '—' },
    { title: '状态', dataIndex: 'state', valueType: 'select', valueEnum: stateEnum, width: 90, fieldProps: { placeholder: '全部状态' }, render: (_, c) => <CouponStateTag enabled={c.enabled} /> },
    {
      title: '操作',
      key: 'op',
      search: false,
      fixed: 'right',
      width: 150,
      render: (_, c) => (
        <Space size={0} className="row-actions">
          <Button type="link" size="small" onClick={() => openForm(c)}>
            编辑
          </Button>
          {c.enabled ? (
            <Popconfirm title={`关闭 ${c.name}？`} description="关闭后不能再加入新活动；已加入活动的不受影响。" okText="关闭" cancelText="取消" onConfirm={() => toggle(c)}>
              <Button type="link" size="small" loading={busy === c.id}>
                关闭
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" loading={busy === c.id} onClick={() => void toggle(c)} data-testid="coupon-enable">
              开启
            </Button>
          )}
          <Button type="link" size="small" onClick={() => setAuthOf(c)}>
            授权
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <PageContainer title="优惠券管理" breadcrumb={{ items: [{ title: '普惠活动' }, { title: '优惠券管理' }] }} content="工会活动券：会员在活动中领取后，凭券在有效日期内到核销商家领取福利。开启后才能加入活动的奖品列表。">
      <div data-testid="coupon-table">
        <ProTable<Coupon>
          rowKey="id"
          actionRef={actionRef}
          columns={columns}
          size="middle"
          headerTitle="优惠券列表"
          scroll={{ x: 1136 }}
          search={{ labelWidth: 'auto', defaultCollapsed: false, span: 8 }}
          options={{ reload: true, density: false, setting: false }}
          toolBarRender={() => [
            <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)} data-testid="coupon-create">
              新增优惠券
            </Button>,
          ]}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t, [from, to]) => `第 ${from}–${to} 条，共 ${t} 种` }}
          locale={{ emptyText: <Empty description="还没有优惠券，先在“商家管理”中建好核销商家，再点击“新增优惠券”" /> }}
          request={async ({ current = 1, pageSize = 20, q, state, merchantId }) => {
            const page = await couponsApi.list({ page: current, pageSize, q: q?.trim() || undefined, state: state || undefined, merchantId: merchantId || undefined });
            return { data: page.items, total: page.total, success: true };
          }}
          onRequestError={(e) => message.error(errorMessage(e))}
        />
      </div>
      {editing && <CouponFormDrawer key={editing.key} coupon={editing.coupon} open={formOpen} onOpenChange={setFormOpen} onSaved={() => actionRef.current?.reload()} />}
      <CouponAuthModal coupon={authOf} onClose={() => setAuthOf(null)} />
    </PageContainer>
  );
}
