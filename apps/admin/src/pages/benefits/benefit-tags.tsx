import { Badge, Tag } from 'antd';
import { activityStatusLabels, merchantStatusLabels, type ActivityStatus, type MerchantStatus } from '@gonghui/contracts';

export function MerchantStatusTag({ status }: { status: MerchantStatus }) {
  return <Badge status={status === 'online' ? 'success' : 'default'} text={merchantStatusLabels[status]} />;
}

export function CouponStateTag({ enabled }: { enabled: boolean }) {
  return <Badge status={enabled ? 'success' : 'default'} text={enabled ? '已开启' : '未开启'} />;
}

const activityStatusColors: Record<ActivityStatus, string> = { draft: 'default', pending: 'processing', approved: 'success', returned: 'error' };

/** 审核状态 of an activity. */
export function ActivityStatusTag({ status }: { status: ActivityStatus }) {
  return <Tag color={activityStatusColors[status]}>{activityStatusLabels[status]}</Tag>;
}

/** 状态: 开启 (shown in the app) / 关闭. */
export function ActivityOpenTag({ isOpen }: { isOpen: boolean }) {
  return <Badge status={isOpen ? 'success' : 'default'} text={isOpen ? '开启' : '关闭'} />;
}
