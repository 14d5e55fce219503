import { Tag } from 'antd';
import { mutualAidEnrolmentKindLabels, mutualAidEnrolmentStatusLabels, type MutualAidEnrolmentKind, type MutualAidEnrolmentStatus } from '@gonghui/contracts';

const colors: Record<MutualAidEnrolmentStatus, string> = { pending: 'processing', approved: 'success', returned: 'error', withdrawn: 'default' };

export function EnrolmentStatusTag({ status }: { status: MutualAidEnrolmentStatus }) {
  return (
    <Tag color={colors[status]} data-testid="enrolment-status">
      {mutualAidEnrolmentStatusLabels[status]}
    </Tag>
  );
}

export function EnrolmentKindTag({ kind }: { kind: MutualAidEnrolmentKind }) {
  return <Tag color={kind === 'annual' ? 'red' : 'orange'}>{mutualAidEnrolmentKindLabels[kind]}</Tag>;
}
