import { Empty, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import type { InspectionRow } from '../../api/inspections';
import { formatMinute } from '../../utils/format';
import { DeadlineText, InspectionKindTag, MyStatusTag } from './inspection-tags';

interface Props {
  rows: InspectionRow[];
  loading: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Base unions see their own confirmation state in the list. */
  showMine: boolean;
  /** What to say when there is no campaign at all. */
  empty: ReactNode;
}

/** The campaigns that concern the active post; clicking one selects it. */
export function InspectionList({ rows, loading, selectedId, onSelect, showMine, empty }: Props) {
  const columns: TableColumnsType<InspectionRow> = [
    { title: '年度', dataIndex: 'year', width: 100, render: (y: number) => `${y}年度` },
    { title: '类型', dataIndex: 'kind', width: 120, render: (k: InspectionRow['kind']) => <InspectionKindTag kind={k} /> },
    { title: '截止日期', dataIndex: 'deadline', render: (d: string) => <DeadlineText deadline={d} /> },
    { title: '开启时间', dataIndex: 'createdAt', responsive: ['md'], render: (v: string) => <span className="nowrap">{formatMinute(v)}</span> },
    ...(showMine ? [{ title: '我的状态', key: 'mine', render: (_: unknown, r: InspectionRow) => <MyStatusTag mine={r.mine} /> }] : []),
  ];
  return (
    <Table<InspectionRow>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
      rowSelection={{
        type: 'radio',
        selectedRowKeys: selectedId ? [selectedId] : [],
        onChange: (keys) => keys[0] && onSelect(String(keys[0])),
        columnWidth: 40,
      }}
      onRow={(r) => ({ onClick: () => onSelect(r.id), style: { cursor: 'pointer' } })}
      locale={{ emptyText: loading ? ' ' : empty }}
    />
  );
}

/** The empty list: who opens campaigns, and what to do. */
export function NoInspections({ canOpen }: { canOpen: boolean }) {
  return (
    <Empty
      description={
        <>
          <div>暂无年检</div>
          <div className="muted" style={{ fontSize: 12, marginTop: 4 }}>
            {canOpen ? '点击右上角“开启年检”，发起本年度的组织年检或会员年检。' : '市总工会开启年检后，将在此显示。'}
          </div>
        </>
      }
    />
  );
}
