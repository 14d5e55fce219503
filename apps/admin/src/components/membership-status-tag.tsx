import { Tag } from 'antd';
import { membershipStatusLabels, type MembershipStatus } from '@gonghui/contracts';

/** Colours of 会籍状态: green active, grey gone, gold kept on, blue awaiting a review. */
export const membershipStatusColors: Record<MembershipStatus, string> = {
  joined: 'success',
  transferred_in: 'cyan',
  transferred_out: 'default',
  retained: 'gold',
  transferring: 'processing',
  pending: 'warning',
};

export function MembershipStatusTag({ status }: { status: MembershipStatus }) {
  return <Tag color={membershipStatusColors[status]}>{membershipStatusLabels[status] ?? status}</Tag>;
}
