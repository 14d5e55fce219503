import { ModalForm, ProFormDatePicker, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, App, Button, Descriptions, Form } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { chinaToday, type MemberDetail } from '@gonghui/contracts';
import { ApiError } from '../../api/client';
import { memberKey, membersApi } from '../../api/members';
import { FormAlert } from '../../components/form-alert';
import { MembershipStatusTag } from '../../components/membership-status-tag';
import { applyFormError } from '../../utils/form-errors';
import { formatDate } from '../../utils/format';
import { requiredRule } from '../../utils/rules';
import { statusActionLabels, type OperatorStatus } from './member-utils';

const explanations: Record<OperatorStatus, string> = {
  transferred_out: '适用于离职等离开本工会的情形。转出后不再是有效会员，不参加互助保障和普惠活动。',
  retained: '适用于退休人员保留会籍。保留会员不在单位统一入会（互助保障）名单中。',
};
const reasonPlaceholders: Record<OperatorStatus, string> = {
  transferred_out: '如：已离职，劳动合同于当日解除',
  retained: '如：已办理退休手续',
};

interface Props {
  member: MemberDetail;
  to: OperatorStatus;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onChanged: (member: MemberDetail) => void;
}

/**
 * 转出 / 保留: a date (not after today, not before joining) and a reason, sent with the member's
 * version. The server's refusal (e.g. a status that cannot change so) is shown as it says it.
 * Mounted afresh (new key) for every opening.
 */
export function MemberStatusModal({ member: loaded, to, open, onOpenChange, onChanged }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [member, setMember] = useState(loaded);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const label = statusActionLabels[to];

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ queryKey: memberKey(member.id), queryFn: () => membersApi.get(member.id), staleTime: 0 });
    setMember(fresh);
    setStale(false);
    setFormError(null);
    message.info('已载入最新数据，请核对后重新提交');
  };

  const disabledDate = (d: Dayjs) => {
    const day = d.format('YYYY-MM-DD');
    return day > chinaToday() || (!!member.joinedOn && day < member.joinedOn);
  };

  return (
    <ModalForm
      title={`${label}会员`}
      form={form}
      name="member-status"
      width={560}
      layout="vertical"
      open={open}
      onOpenChange={onOpenChange}
      initialValues={{ on: chinaToday() }}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      submitter={{ searchConfig: { submitText: `确认${label}`, resetText: '取消' }, submitButtonProps: { danger: to === 'transferred_out' } }}
      onFinish={async (values: { on: string; reason: string }) => {
        setFormError(null);
        try {
          const saved = await membersApi.changeStatus(member.id, { status: to, on: values.on, reason: values.reason, version: member.version });
          message.success(`已将${saved.name}设为${label}`);
          onChanged(saved);
          return true;
        } catch (error) {
          if (error instanceof ApiError && error.code === 'CONFLICT') {
            setStale(true);
            setFormError('该会员的信息已被他人修改，请载入最新数据后再提交');
          } else {
            setFormError(applyFormError(form, error));
          }
          return false;
        }
      }}
    >
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="会员">
          {member.name}（{member.memberNo}）
        </Descriptions.Item>
        <Descriptions.Item label="当前状态">
          <MembershipStatusTag status={member.status} />
        </Descriptions.Item>
        <Descriptions.Item label="证件号码">
          <span className="mono">{member.idNumberMasked}</span>
        </Descriptions.Item>
        <Descriptions.Item label="入会日期">{formatDate(member.joinedOn)}</Descriptions.Item>
      </Descriptions>
      <Alert type={to === 'transferred_out' ? 'warning' : 'info'} showIcon style={{ marginBottom: 16 }} message={`设为“${label}”`} description={explanations[to]} />
      <FormAlert
        message={formError}
        action={
          stale ? (
            <Button size="small" onClick={() => void reload()}>
              刷新数据
            </Button>
          ) : undefined
        }
      />
      <ProFormDatePicker
        name="on"
        label="变更日期"
        rules={[{ required: true, message: '请选择变更日期' }]}
        extra="不能晚于今天，也不能早于入会日期"
        fieldProps={{ disabledDate, style: { width: 220 } }}
      />
      <ProFormTextArea
        name="reason"
        label="原因"
        rules={[requiredRule('请填写原因'), { max: 200, message: '原因不能超过200个字符' }]}
        placeholder={reasonPlaceholders[to]}
        fieldProps={{ maxLength: 200, showCount: true, rows: 3 }}
      />
    </ModalForm>
  );
}
