import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Empty } from 'antd';
import type { ActivityRedemptionRow } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { activitiesApi } from '../../api/benefits';
import { formatDateTime } from '../../utils/format';
import { yuanLabel } from './money';

/** 核销明细: who redeemed what, where and when (names and phones masked), paged on the server. */
export function ActivityRedemptionsTable({ activityId }: { activityId: string }) {
  const { message } = App.useApp();
  const columns: ProColumns<ActivityRedemptionRow>[] = [
    { title: '券码', dataIndex: 'code', width: 150, render: (_, r) => <span className="mono">{r.code}</span> },
    { title: '会员', dataIndex: 'memberName', width: 90 },
    { title: '手机号', dataIndex: 'phoneMasked', width: 120, render: (_, r) => <span className="mono">{r.phoneMasked ?? '—'}</span> },
    { title: '所在工会', dataIndex: 'memberOrgName', ellipsis: true },
    { title: '优惠券', dataIndex: 'couponName', ellipsis: true, width: 150 },
    { title: '面值', dataIndex: 'faceValueFen', width: 80, align: 'right', render: (_, r) => yuanLabel(r.faceValueFen) },
    { title: '核销商家', dataIndex: 'merchantName', ellipsis: true, width: 150 },
    { title: '核销人', dataIndex: 'redeemedBy', width: 90 },
    { title: '核销时间', dataIndex: 'redeemedAt', width: 160, render: (_, r) => formatDateTime(r.redeemedAt) },
  ];
  return (
    <div data-testid="activity-redemptions">
      <ProTable<ActivityRedemptionRow>
        rowKey="id"
        columns={columns}
        size="small"
        search={false}
        headerTitle="核销明细"
        options={{ reload: true, density: false, setting: false }}
        scroll={{ x: 1100 }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 条核销记录` }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有核销记录" /> }}
        request={async ({ current = 1, pageSize = 20 }) => {
          const page = await activitiesApi.redemptions(activityId, { page: current, pageSize });
          return { data: page.items, total: page.total, success: true };
        }}
        onRequestError={(e) => message.error(errorMessage(e))}
      />
    </div>
  );
}
