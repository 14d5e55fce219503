import { Tag } from 'antd';
import { orgStatusLabels } from '@gonghui/contracts';

export function OrgStatusTag({ status }: { status: keyof typeof orgStatusLabels }) {
  return <Tag color={status === 'active' ? 'success' : 'default'}>{orgStatusLabels[status] ?? status}</Tag>;
}
