import { Alert, App, Form } from 'antd';
import { ModalForm, ProFormRadio, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import { useState } from 'react';
import { orgTransferModeLabels, orgTransferModes, type OrgDetail } from '@gonghui/contracts';
import { orgLifecycleApi } from '../../../api/org-lifecycle';
import { FormAlert } from '../../../components/form-alert';
import { applyFormError } from '../../../utils/form-errors';
import { useParentDirectory } from './use-parent-directory';

interface Props {
  org: OrgDetail;
  open: boolean;
  onOpenChange: (o: boolean) => void;
  blockedReason: string | null;
  onSubmitted: () => void;
}

/** 转移 (seed 002 §2): to a street or industry union in another district; both sides' upper unions review. */
export function OrgTransferModal({ org, open, onOpenChange, blockedReason, onSubmitted }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const dir = useParentDirectory();
  const own = dir.districtOf(org.parentId);
  const ownKind = dir.rows.find((r) => r.id === own)?.kind;
  const mode = Form.useWatch('mode', form) as (typeof orgTransferModes)[number] | undefined;
  const districtId = Form.useWatch('districtId', form) as string | undefined;
  // 区区（局局）: the same kind of upper union; 区局（局区）: the other kind.
  const districts = dir.districts.filter((d) => d.id !== own && (!mode || (mode === 'same_kind') === (d.kind === ownKind)));

  return (
    <ModalForm
      title={`转移：${org.name}`}
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      width={600}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={{ mode: 'same_kind' }}
      submitter={{ searchConfig: { submitText: '提交审核' }, submitButtonProps: { disabled: !!blockedReason } }}
      onFinish={async (v) => {
        setError(null);
        try {
          const change = await orgLifecycleApi.transfer(org.id, { targetParentId: v.targetParentId, mode: v.mode, note: v.note });
          message.success(`已提交，等待「${change.waitingFor.join('」和「')}」审核`);
          onSubmitted();
          return true;
        } catch (e) {
          setError(applyFormError(form, e));
          return false;
        }
      }}
    >
      {blockedReason && <Alert type="error" showIcon message="暂不能转移" description={`${blockedReason}（有在办卡人员或待转出审核人员的单位禁止转移）`} style={{ marginBottom: 16 }} />}
      <Alert type="info" showIcon message="转移提交后由转出方和转入方的上级工会分别审核，双方都同意后生效；本区县内调整请联系区(县)总工会办理“变更隶属”。" style={{ marginBottom: 16 }} />
      <ProFormRadio.Group
        name="mode"
        label="转移方式"
        options={orgTransferModes.map((m) => ({ label: orgTransferModeLabels[m], value: m }))}
        fieldProps={{ onChange: () => form.setFieldsValue({ districtId: undefined, targetParentId: undefined }) }}
        extra={mode === 'cross_kind' ? '区转局或局转区，如 XX区XX街道 转到 XX产业局工会' : '区转区或局转局，如 XX区XX街道 转到 XX区XX街道'}
      />
      <ProFormSelect
        name="districtId"
        label="转入区总工会（产业工会）"
        options={districts.map((d) => ({ label: d.name, value: d.id }))}
        rules={[{ required: true, message: '请选择转入的区总工会或产业工会' }]}
        fieldProps={{ loading: dir.loading, onChange: () => form.setFieldValue('targetParentId', undefined) }}
      />
      <ProFormSelect
        name="targetParentId"
        label="转入街镇（开发区）工会"
        options={dir.parentsIn(districtId).map((d) => ({ label: d.name, value: d.id }))}
        rules={[{ required: true, message: '请选择转入的街镇工会' }]}
        fieldProps={{ disabled: !districtId }}
      />
      <ProFormTextArea name="note" label="转移说明" fieldProps={{ maxLength: 200, showCount: true, rows: 2 }} />
      <FormAlert message={error} />
    </ModalForm>
  );
}
