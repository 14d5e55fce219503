import { Table } from 'antd';
import type { ReviewChange } from '@gonghui/contracts';

const changed = (c: ReviewChange) => (c.before ?? '') !== (c.after ?? '');
const cell = (v: string | null) => (v === null || v === '' ? <span className="muted">—</span> : <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>);

/** 变更内容: each field as it was and as it would be; the fields that change stand out. */
export function ReviewChangesTable({ changes }: { changes: ReviewChange[] }) {
  return (
    <Table<ReviewChange>
      data-testid="review-changes"
      size="small"
      bordered
      pagination={false}
      rowKey={(c) => c.label}
      dataSource={changes}
      locale={{ emptyText: '没有变更内容' }}
      rowClassName={(c) => (changed(c) ? 'review-change-changed' : '')}
      columns={[
        { title: '项目', dataIndex: 'label', width: 140, render: (v: string, c) => <span className={changed(c) ? 'review-change-label' : undefined}>{v}</span> },
        { title: '变更前', dataIndex: 'before', render: (_: unknown, c) => cell(c.before) },
        { title: '变更后', dataIndex: 'after', render: (_: unknown, c) => cell(c.after) },
      ]}
    />
  );
}
