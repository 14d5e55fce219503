import { Space, Tag, Tooltip } from 'antd';
import { chinaToday, inspectionKindLabels } from '@gonghui/contracts';
import type { InspectionRow } from '../../api/inspections';
import { formatDate, formatMinute } from '../../utils/format';

/** Past its deadline (dates compared in China time, like the server does). */
export const isOverdue = (deadline: string) => deadline < chinaToday();

/** 组织年检 / 会员年检. */
export function InspectionKindTag({ kind }: { kind: InspectionRow['kind'] }) {
  return <Tag color={kind === 'org' ? 'volcano' : 'geekblue'}>{inspectionKindLabels[kind] ?? kind}</Tag>;
}

/** The deadline, with 已逾期 once it has passed. */
export function DeadlineText({ deadline }: { deadline: string }) {
  return (
    <Space size={6} className="nowrap">
      <span>{formatDate(deadline)}</span>
      {isOverdue(deadline) && <Tag color="error">已逾期</Tag>}
    </Space>
  );
}

/** A base union's own state for one campaign: confirmed (when) or not, and whether it was reminded. */
export function MyStatusTag({ mine }: { mine: InspectionRow['mine'] }) {
  if (!mine.applicable) return <span className="muted">—</span>;
  if (mine.confirmedAt)
    return (
      <Tooltip title={`确认时间 ${formatMinute(mine.confirmedAt)}`}>
        <Tag color="success">已确认</Tag>
      </Tooltip>
    );
  return (
    <Space size={4}>
      <Tag color="warning">未确认</Tag>
      {mine.remindedAt && (
        <Tooltip title={`上级工会于 ${formatMinute(mine.remindedAt)} 催办`}>
          <Tag color="red">已催办</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
