import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { PlusOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Empty, Popconfirm, Space, Tag, Tooltip } from 'antd';
import { useRef, useState } from 'react';
import { merchantKindLabels, merchantKinds, merchantServiceTypeLabels, merchantStatusLabels, merchantStatuses } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { merchantsApi, type Merchant } from '../../api/benefits';
import { TwoLines } from '../../components/two-lines';
import { formatDate } from '../../utils/format';
import { MerchantStatusTag } from './benefit-tags';
import { MerchantFormDrawer } from './merchant-form-drawer';
import { MerchantStaffDrawer } from './merchant-staff-drawer';

const statusEnum = Object.fromEntries(merchantStatuses.map((s) => [s, { text: merchantStatusLabels[s] }]));
const kindEnum = Object.fromEntries(merchantKinds.map((k) => [k, { text: merchantKindLabels[k] }]));

/** 普惠活动 → 商家管理 (seed 001 fig. 22): the merchants this union set up; 上线 to redeem, 下线 to stop. */
export function MerchantsPage() {
  const { message } = App.useApp();
  const actionRef = useRef<ActionType>(null);
  const [editing, setEditing] = useState<{ merchant: Merchant | null; key: number } | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [staffOf, setStaffOf] = useState<Merchant | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const openForm = (merchant: Merchant | null) => {
    setEditing({ merchant, key: Date.now() });
    setFormOpen(true);
  };

  const toggle = async (m: Merchant) => {
    setBusy(m.id);
    try {
      const next = m.status === 'online' ? await merchantsApi.offline(m.id, m.version) : await merchantsApi.online(m.id, m.version);
      message.success(next.status === 'online' ? `${m.name} 已上线` : `${m.name} 已下线，店员不能再核销`);
      actionRef.current?.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const columns: ProColumns<Merchant>[] = [
    { title: '商家名称', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '名称中的字', maxLength: 50 } },
    {
      title: '商家名称',
      dataIndex: 'name',
      search: false,
      fixed: 'left',
      width: 220,
      // Cut with an ellipsis when long, shown whole on hover.
      render: (_, m) => (
        <Tooltip title={`${m.name}（${m.address}）`} placement="topLeft">
          <div className="merchant-name-cell">
            <Avatar shape="square" size={36} src={m.logoImage ? merchantsApi.imageUrl(m.id, 'logo', m.version) : undefined} style={{ background: '#fdecea', color: '#b71c1c', flex: 'none' }}>
              {m.name.slice(0, 1)}
            </Avatar>
            <TwoLines cut top={m.name} bottom={m.address} testId="merchant-name" />
          </div>
        </Tooltip>
      ),
    },
    {
      title: '商家类型',
      dataIndex: 'kind',
      valueType: 'select',
      valueEnum: kindEnum,
      formItemProps: { label: '商家类型' },
      width: 130,
      fieldProps: { placeholder: '全部类型' },
      render: (_, m) => <TwoLines top={merchantKindLabels[m.kind]} bottom={merchantServiceTypeLabels[m.serviceType]} />,
    },
    {
      title: '商家标签',
      dataIndex: 'tags',
      search: false,
      width: 150,
      render: (_, m) => (m.tags.length ? m.tags.map((t) => <Tag key={t} bordered={false}>{t}</Tag>) : <span className="muted">—</span>),
    },
    { title: '联系人 / 手机', dataIndex: 'contactName', search: false, width: 120, render: (_, m) => <TwoLines top={m.contactName} bottom={m.phoneMasked} /> },
    { title: '固定电话', dataIndex: 'landline', search: false, width: 120, render: (_, m) => m.landline ?? '—' },
    { title: '入驻时间', dataIndex: 'settledOn', search: false, width: 100, render: (_, m) => formatDate(m.settledOn) },
    { title: '店员', dataIndex: 'staffCount', search: false, width: 56, render: (_, m) => <span data-testid="merchant-staff-count">{m.staffCount}</span> },
    { title: '状态', dataIndex: 'status', valueType: 'select', valueEnum: statusEnum, width: 90, fieldProps: { placeholder: '全部状态' }, render: (_, m) => <MerchantStatusTag status={m.status} /> },
    {
      title: '操作',
      key: 'op',
      search: false,
      fixed: 'right',
      width: 150,
      render: (_, m) => (
        <Space size={0} className="row-actions">
          <Button type="link" size="small" onClick={() => openForm(m)}>
            编辑
          </Button>
          {m.status === 'online' ? (
            <Popconfirm title={`下线 ${m.name}？`} description="下线后该商家的店员不能再核销。" okText="下线" cancelText="取消" onConfirm={() => toggle(m)}>
              <Button type="link" size="small" danger loading={busy === m.id}>
                下线
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" loading={busy === m.id} onClick={() => void toggle(m)} data-testid="merchant-online">
              上线
            </Button>
          )}
          <Button type="link" size="small" onClick={() => setStaffOf(m)} data-testid="merchant-staff">
            店员
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title="商家管理"
      breadcrumb={{ items: [{ title: '普惠活动' }, { title: '商家管理' }] }}
      content="核销福利券的商家（本单位工会自行发放时，可把本工会建为“工会”类型的商家）。商家上线后，其店员才能在商家核销端扫码核销。"
    >
      <div data-testid="merchant-table">
        <ProTable<Merchant>
          rowKey="id"
          actionRef={actionRef}
          columns={columns}
          size="middle"
          headerTitle="商家列表"
          scroll={{ x: 1136 }}
          search={{ labelWidth: 'auto', defaultCollapsed: false, span: 8 }}
          options={{ reload: true, density: false, setting: false }}
          toolBarRender={() => [
            <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)} data-testid="merchant-create">
              新增商家
            </Button>,
          ]}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t, [from, to]) => `第 ${from}–${to} 条，共 ${t} 个商家` }}
          locale={{ emptyText: <Empty description="还没有商家，点击“新增商家”添加" /> }}
          request={async ({ current = 1, pageSize = 20, q, status, kind }) => {
            const page = await merchantsApi.list({ page: current, pageSize, q: q?.trim() || undefined, status: status || undefined, kind: kind || undefined });
            return { data: page.items, total: page.total, success: true };
          }}
          onRequestError={(e) => message.error(errorMessage(e))}
        />
      </div>
      {editing && (
        <MerchantFormDrawer
          key={editing.key}
          merchant={editing.merchant}
          open={formOpen}
          onOpenChange={setFormOpen}
          onSaved={(m) => {
            actionRef.current?.reload();
            // A new merchant is offline until 上线, and needs its staff: offer them next.
            if (!editing.merchant) message.info(`已新增商家：${m.name}。点击“上线”后店员即可核销；在“店员”中开通核销账号。`, 6);
          }}
        />
      )}
      <MerchantStaffDrawer merchant={staffOf} onClose={() => setStaffOf(null)} onChanged={() => actionRef.current?.reload()} />
    </PageContainer>
  );
}
