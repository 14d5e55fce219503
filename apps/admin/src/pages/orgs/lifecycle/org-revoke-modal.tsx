import { Alert, App, Form } from 'antd';
import { ModalForm, ProFormDatePicker, ProFormRadio, ProFormTextArea } from '@ant-design/pro-components';
import { useState } from 'react';
import { orgRevokeReasonLabels, orgRevokeReasons, type OrgDetail, type OrgRevokeReason } from '@gonghui/contracts';
import dayjs from 'dayjs';
import { orgLifecycleApi } from '../../../api/org-lifecycle';
import { FormAlert } from '../../../components/form-alert';
import { applyFormError } from '../../../utils/form-errors';

interface Props {
  org: OrgDetail;
  reason: OrgRevokeReason | null;
  onClose: () => void;
  onDone: () => void;
}

/** 撤销 (seed 002 §2): merged, moved out of the city or closed; takes effect at once, no review. */
export function OrgRevokeModal({ org, reason, onClose, onDone }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  return (
    <ModalForm
      title={`撤销：${org.name}`}
      form={form}
      open={!!reason}
      onOpenChange={(o) => !o && onClose()}
      width={520}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ reason: reason ?? undefined, on: dayjs().format('YYYY-MM-DD') }}
      submitter={{ searchConfig: { submitText: '确认撤销' }, submitButtonProps: { danger: true } }}
      onFinish={async (v) => {
        setError(null);
        try {
          await orgLifecycleApi.revoke(org.id, { reason: v.reason, on: v.on, note: v.note, version: org.version });
          message.success('已撤销');
          onDone();
          return true;
        } catch (e) {
          setError(applyFormError(form, e));
          return false;
        }
      }}
    >
      <Alert type="warning" showIcon message="撤销无需审核，立即生效：本工会及其分工会不再接收新会员，也不再出现在工会搜索中；历史数据全部保留。" style={{ marginBottom: 16 }} />
      <ProFormRadio.Group name="reason" label="撤销原因" options={orgRevokeReasons.map((r) => ({ label: orgRevokeReasonLabels[r], value: r }))} rules={[{ required: true, message: '请选择撤销原因' }]} />
      <ProFormDatePicker name="on" label="撤销日期" rules={[{ required: true, message: '请选择撤销日期' }]} />
      <ProFormTextArea name="note" label="说明" placeholder="如：并入XX公司工会" fieldProps={{ maxLength: 200, showCount: true, rows: 2 }} />
      <FormAlert message={error} />
    </ModalForm>
  );
}
