import { Empty, Progress, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { isBaseUnionKind, orgKindLabels } from '@gonghui/contracts';
import type { InspectionProgressRow } from '../../api/inspections';
import { OrgKindIcon } from '../../components/org-kind-icon';
import { formatMinute } from '../../utils/format';
import { RemindButton } from './remind-button';

export const isBaseRow = (r: Pick<InspectionProgressRow, 'kind'>) => isBaseUnionKind(r.kind);
/** An upper union with base unions below it can be opened to see its own children. */
export const canDrill = (r: InspectionProgressRow) => !isBaseRow(r) && r.baseUnions > 0;
const pendingOf = (r: InspectionProgressRow) => Math.max(r.baseUnions - r.confirmed, 0);

interface Props {
  inspectionId: string;
  rows: InspectionProgressRow[];
  loading: boolean;
  canRemind: boolean;
  onDrill: (row: InspectionProgressRow) => void;
}

function ConfirmState({ row }: { row: InspectionProgressRow }) {
  if (isBaseRow(row)) {
    if (row.confirmedAt) return <Tag color="success">已确认（{formatMinute(row.confirmedAt)}）</Tag>;
    return <Tag color="warning">未确认</Tag>;
  }
  if (row.baseUnions === 0) return <span className="muted">无基层工会</span>;
  const percent = Math.round((row.confirmed / row.baseUnions) * 100);
  return (
    <Tooltip title={`已确认 ${row.confirmed} / ${row.baseUnions} 个基层工会`}>
      <Progress percent={percent} size="small" style={{ minWidth: 160, margin: 0 }} format={() => `${row.confirmed}/${row.baseUnions}`} />
    </Tooltip>
  );
}

/** One line per child organisation: how many of its base unions have confirmed. */
export function ProgressTable({ inspectionId, rows, loading, canRemind, onDrill }: Props) {
  const columns: TableColumnsType<InspectionProgressRow> = [
    {
      title: '组织',
      dataIndex: 'orgName',
      render: (_, r) => (
        <Space size={6}>
          <OrgKindIcon kind={r.kind} />
          {canDrill(r) ? <Typography.Link>{r.orgName}</Typography.Link> : <span>{r.orgName}</span>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {orgKindLabels[r.kind] ?? r.kind}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '基层工会', dataIndex: 'baseUnions', width: 100, align: 'right' },
    { title: '确认情况', key: 'state', width: 260, render: (_, r) => <ConfirmState row={r} /> },
    {
      title: '最近催办',
      dataIndex: 'lastRemindedAt',
      width: 160,
      render: (v: string | null, r) => (isBaseRow(r) && v ? <span className="nowrap">{formatMinute(v)}</span> : <span className="muted">—</span>),
    },
    {
      title: '操作',
      key: 'op',
      width: 150,
      render: (_, r) => (
        <Space size={0}>
          {canRemind && pendingOf(r) > 0 && (
            <RemindButton inspectionId={inspectionId} orgId={r.orgId} orgName={r.orgName} pending={pendingOf(r)} isBase={isBaseRow(r)} variant="row" />
          )}
          {canDrill(r) && (
            <Typography.Link
              style={{ padding: '0 7px' }}
              onClick={(e) => {
                e.stopPropagation();
                onDrill(r);
              }}
            >
              下级 <RightOutlined style={{ fontSize: 10 }} />
            </Typography.Link>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table<InspectionProgressRow>
      rowKey="orgId"
      size="middle"
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={rows.length > 20 ? { pageSize: 20, size: 'small', showTotal: (t) => `共 ${t} 个下级组织` } : false}
      onRow={(r) => (canDrill(r) ? { onClick: () => onDrill(r), style: { cursor: 'pointer' } } : {})}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无下级组织" /> }}
      scroll={{ x: 'max-content' }}
    />
  );
}
