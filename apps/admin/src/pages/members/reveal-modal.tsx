import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, Button, Form, Modal, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { MemberDetail } from '@gonghui/contracts';
import { membersApi, type RevealField } from '../../api/members';
import { FormAlert } from '../../components/form-alert';
import { applyFormError } from '../../utils/form-errors';
import { requiredRule } from '../../utils/rules';

const fieldLabels: Record<RevealField, string> = { idNumber: '证件号码', phone: '移动电话' };

interface Props {
  member: Pick<MemberDetail, 'id' | 'name' | 'memberNo'>;
  field: RevealField;
}

/**
 * "查看完整号码": asks why, then shows the full number once. The server audits every look; the
 * number lives only in this component's state while the modal is open (never in the query cache
 * or browser storage) and is gone when it closes.
 */
export function RevealLink({ member, field }: Props) {
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const label = fieldLabels[field];

  const close = () => {
    setOpen(false);
    setValue(null);
    setFormError(null);
  };

  return (
    <>
      <Typography.Link
        data-testid={`reveal-${field}`}
        onClick={() => {
          setValue(null);
          setFormError(null);
          setOpen(true);
        }}
        style={{ marginLeft: 8, whiteSpace: 'nowrap' }}
      >
        <EyeOutlined /> 查看完整号码
      </Typography.Link>
      <ModalForm
        title={`查看完整${label}`}
        form={form}
        name={`reveal-${field}`}
        width={480}
        layout="vertical"
        open={open && value === null}
        modalProps={{ destroyOnHidden: true, maskClosable: false, onCancel: close }}
        submitter={{ searchConfig: { submitText: '查看', resetText: '取消' } }}
        onFinish={async (values: { reason: string }) => {
          setFormError(null);
          try {
            const { value: full } = await membersApi.reveal(member.id, field, values.reason.trim());
            setValue(full);
            return false;
          } catch (error) {
            setFormError(applyFormError(form, error));
            return false;
          }
        }}
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`查看${member.name}（${member.memberNo}）的完整${label}`}
          description="会员个人信息须依法依规使用。每次查看都会连同原因记入审计日志。"
        />
        <FormAlert message={formError} />
        <ProFormTextArea
          name="reason"
          label="查看原因"
          rules={[requiredRule('请填写查看原因'), { max: 200, message: '查看原因不能超过200个字符' }]}
          placeholder="如：为会员办理服务卡，核对证件号码"
          fieldProps={{ maxLength: 200, showCount: true, rows: 3, autoFocus: true }}
        />
      </ModalForm>
      <Modal
        open={open && value !== null}
        title={`完整${label}`}
        width={480}
        maskClosable={false}
        destroyOnHidden
        onCancel={close}
        footer={
          <Button type="primary" onClick={close}>
            关闭
          </Button>
        }
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message="本次查看已记入审计日志。关闭后号码不再显示，如需再次查看须重新说明原因。" />
        <div className="muted">
          {member.name}（会员编号 {member.memberNo}）的{label}：
        </div>
        <div className="secret-box">
          <Typography.Text data-testid="revealed-value" strong className="secret-text">
            {value}
          </Typography.Text>
        </div>
      </Modal>
    </>
  );
}
