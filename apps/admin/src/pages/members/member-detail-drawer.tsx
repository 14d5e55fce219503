import { Button, Descriptions, Drawer, Empty, Result, Skeleton, Space, Timeline, Tooltip, Typography } from 'antd';
import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { householdTypeLabels, idTypeLabels, membershipStatusLabels, sexLabels, type MemberDetail } from '@gonghui/contracts';
import { memberKey, membersApi } from '../../api/members';
import { MembershipStatusTag, membershipStatusColors } from '../../components/membership-status-tag';
import { usePermission } from '../../hooks/use-session';
import { formatDate, formatDateTime, orDash, yesNo } from '../../utils/format';
import { canChangeTo, statusActionLabels, type OperatorStatus } from './member-utils';
import { RevealLink } from './reveal-modal';

interface Props {
  memberId: string | null;
  onClose: () => void;
  onEdit: (member: MemberDetail) => void;
  onChangeStatus: (member: MemberDetail, to: OperatorStatus) => void;
}

const timelineColors: Record<string, string> = { success: 'green', cyan: 'cyan', default: 'gray', gold: 'gold', processing: 'blue', warning: 'orange' };

/** 会籍变更记录: newest first, each with its date, the change, the reason and when it was recorded. */
function StatusHistory({ member }: { member: MemberDetail }) {
  if (member.history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无会籍变更记录" />;
  const events = [...member.history].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <Timeline
      data-testid="member-history"
      items={events.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: timelineColors[membershipStatusColors[e.toStatus]] ?? 'gray',
        children: (
          <div>
            <Space size={8} wrap>
              <strong>{formatDate(e.on)}</strong>
              <span>
                {e.fromStatus ? `${membershipStatusLabels[e.fromStatus]} → ` : ''}
                {membershipStatusLabels[e.toStatus]}
              </span>
            </Space>
            <div>{e.reason ? `原因：${e.reason}` : <span className="muted">未填写原因</span>}</div>
            <div className="muted" style={{ fontSize: 12 }}>
              登记时间 {formatDateTime(e.at)}
            </div>
          </div>
        ),
      }))}
    />
  );
}

function MemberInfo({ member }: { member: MemberDetail }) {
  const canReveal = usePermission('member.reveal');
  return (
    <Descriptions
      bordered
      column={2}
      size="small"
      data-testid="member-detail"
      styles={{ label: { width: 110, whiteSpace: 'nowrap' }, content: { minWidth: 160 } }}
    >
      <Descriptions.Item label="会员编号">
        <span className="mono">{member.memberNo}</span>
      </Descriptions.Item>
      <Descriptions.Item label="会籍状态">
        <MembershipStatusTag status={member.status} />
      </Descriptions.Item>
      <Descriptions.Item label="姓名">{member.name}</Descriptions.Item>
      <Descriptions.Item label="性别">{sexLabels[member.sex] ?? member.sex}</Descriptions.Item>
      <Descriptions.Item label="证件类型">{idTypeLabels[member.idType] ?? member.idType}</Descriptions.Item>
      <Descriptions.Item label="出生日期">{formatDate(member.birthDate)}</Descriptions.Item>
      <Descriptions.Item label="证件号码" span={2}>
        <span className="mono">{member.idNumberMasked}</span>
        {canReveal && <RevealLink member={member} field="idNumber" />}
      </Descriptions.Item>
      <Descriptions.Item label="证件到期日">{formatDate(member.idExpiresOn)}</Descriptions.Item>
      <Descriptions.Item label="移动电话">
        {member.phoneMasked ? (
          <>
            <span className="mono">{member.phoneMasked}</span>
            {canReveal && <RevealLink member={member} field="phone" />}
          </>
        ) : (
          '—'
        )}
      </Descriptions.Item>
      <Descriptions.Item label="学历">{orDash(member.education)}</Descriptions.Item>
      <Descriptions.Item label="户籍类型">{member.householdType ? householdTypeLabels[member.householdType] : '—'}</Descriptions.Item>
      <Descriptions.Item label="是否农民工">{yesNo(member.migrantWorker)}</Descriptions.Item>
      <Descriptions.Item label="技术等级">{orDash(member.skillLevel)}</Descriptions.Item>
      <Descriptions.Item label="联系地址" span={2}>
        {orDash(member.address)}
      </Descriptions.Item>
      <Descriptions.Item label="所属工会" span={2}>
        {member.orgName}
      </Descriptions.Item>
      <Descriptions.Item label="所在单位" span={2}>
        {orDash(member.workUnitName)}
      </Descriptions.Item>
      <Descriptions.Item label="工会职务">{orDash(member.unionPost)}</Descriptions.Item>
      <Descriptions.Item label="入会日期">{formatDate(member.joinedOn)}</Descriptions.Item>
      <Descriptions.Item label="备注" span={2}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{orDash(member.remark)}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** 会员详情: every field (numbers masked, revealable with a reason) and the membership history. */
export function MemberDetailDrawer({ memberId, onClose, onEdit, onChangeStatus }: Props) {
  const canWrite = usePermission('member.write');
  const detail = useQuery({ queryKey: memberKey(memberId ?? ''), queryFn: () => membersApi.get(memberId!), enabled: !!memberId });
  const member = detail.data;

  const statusButton = (m: MemberDetail, to: OperatorStatus) => {
    const allowed = canChangeTo(m.status, to);
    const button = (
      <Button danger={to === 'transferred_out'} disabled={!allowed} onClick={() => onChangeStatus(m, to)}>
        {statusActionLabels[to]}
      </Button>
    );
    return allowed ? (
      button
    ) : (
      <Tooltip title={`会籍状态为“${membershipStatusLabels[m.status]}”的会员不能${statusActionLabels[to]}`}>{button}</Tooltip>
    );
  };

  return (
    <Drawer
      open={!!memberId}
      onClose={onClose}
      width={760}
      destroyOnHidden
      title={member ? `会员详情：${member.name}` : '会员详情'}
      extra={
        <Space>
          <Tooltip title="刷新">
            <Button icon={<ReloadOutlined />} onClick={() => void detail.refetch()} loading={detail.isFetching && !detail.isLoading} />
          </Tooltip>
          {canWrite && member && (
            <>
              <Button icon={<EditOutlined />} onClick={() => onEdit(member)}>
                编辑
              </Button>
              {statusButton(member, 'transferred_out')}
              {statusButton(member, 'retained')}
            </>
          )}
        </Space>
      }
    >
      {detail.isLoading ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : detail.error || !member ? (
        <Result
          status="warning"
          title="无法加载会员信息"
          subTitle={detail.error ? (detail.error as Error).message : undefined}
          extra={<Button onClick={() => void detail.refetch()}>重试</Button>}
        />
      ) : (
        <>
          <MemberInfo member={member} />
          <Typography.Title level={5} style={{ margin: '24px 0 16px' }}>
            会籍变更记录
          </Typography.Title>
          <StatusHistory member={member} />
        </>
      )}
    </Drawer>
  );
}
