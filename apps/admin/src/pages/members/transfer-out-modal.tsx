import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, App, Descriptions, Form } from 'antd';
import { useState } from 'react';
import type { MemberDetail, Transfer } from '@gonghui/contracts';
import { transfersApi } from '../../api/transfers';
import { FormAlert } from '../../components/form-alert';
import { MembershipStatusTag } from '../../components/membership-status-tag';
import { UnionSelect } from '../../components/union-select';
import { applyFormError } from '../../utils/form-errors';
import { requiredRule } from '../../utils/rules';

interface Values {
  targetOrgId: string;
  reason: string;
}

interface Props {
  member: MemberDetail;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSubmitted: (transfer: Transfer) => void;
}

/**
 * 转会 (转出到其他工会, seed 002 4.2): the member moves to another base union once the transfer is
 * reviewed; until then the member is 转会中. Sent with the member's version. Mounted afresh per opening.
 */
export function TransferOutModal({ member, open, onOpenChange, onSubmitted }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  return (
    <ModalForm<Values>
      title="转出到其他工会"
      form={form}
      name="transfer-out"
      width={580}
      layout="vertical"
      open={open}
      onOpenChange={onOpenChange}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      submitter={{ searchConfig: { submitText: '提交转会审核', resetText: '取消' } }}
      onFinish={async (values) => {
        setFormError(null);
        try {
          const transfer = await transfersApi.transferOut(member.id, { ...values, version: member.version });
          message.success(`已提交${transfer.name}转入${transfer.toOrgName}的申请，等待审核`);
          onSubmitted(transfer);
          return true;
        } catch (error) {
          setFormError(applyFormError(form, error));
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
        <Descriptions.Item label="所属工会">{member.orgName}</Descriptions.Item>
      </Descriptions>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="会员调到其他单位工作时使用"
        description="提交后会员显示为“转会中”，审核同意后在转入工会建立会籍，本工会的会籍记为“转出”；退回或撤回则恢复原状态。离职不再参加工会的，请使用“转出”设置会籍状态。"
      />
      <FormAlert message={formError} />
      <Form.Item name="targetOrgId" label="转入工会" rules={[{ required: true, message: '请选择转入的基层工会' }]} extra="全市范围内按工会名称查找基层工会">
        <UnionSelect excludeId={member.orgId} />
      </Form.Item>
      <ProFormTextArea
        name="reason"
        label="转出原因"
        rules={[requiredRule('请填写转出原因'), { max: 200, message: '转出原因不能超过200个字符' }]}
        placeholder="如：工作调动至新单位"
        fieldProps={{ maxLength: 200, showCount: true, rows: 3 }}
      />
    </ModalForm>
  );
}
