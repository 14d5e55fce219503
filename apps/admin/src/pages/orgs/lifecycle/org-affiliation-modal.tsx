import { Alert, App, Button, Form, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ModalForm, ProFormRadio, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import { useState } from 'react';
import { MAX_AFFILIATION_FILE_BYTES, type OrgDetail } from '@gonghui/contracts';
import { orgLifecycleApi } from '../../../api/org-lifecycle';
import { FormAlert } from '../../../components/form-alert';
import { useSession } from '../../../hooks/use-session';
import { applyFormError } from '../../../utils/form-errors';
import { useParentDirectory } from './use-parent-directory';

interface Props {
  org: OrgDetail;
  open: boolean;
  onOpenChange: (o: boolean) => void;
  onSubmitted: () => void;
}

const directKinds = ['city_federation', 'district_federation', 'industry_union'];

/**
 * 变更隶属关系 (seed 000 §1.2): within a county the district federation moves the union itself;
 * across districts a stamped, signed explanation goes to the city federation for review.
 */
export function OrgAffiliationModal({ org, open, onOpenChange, onSubmitted }: Props) {
  const session = useSession();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const dir = useParentDirectory();
  const canDirect = directKinds.includes(session.activePost?.orgKind ?? '');
  const own = dir.districtOf(org.parentId);
  const scope = Form.useWatch('scope', form) as 'within' | 'across' | undefined;
  const districtId = Form.useWatch('districtId', form) as string | undefined;
  const within = scope !== 'across';
  const targets = (within ? dir.parentsIn(own) : dir.parentsIn(districtId)).filter((d) => d.id !== org.parentId);

  return (
    <ModalForm
      title={`变更隶属关系：${org.name}`}
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      width={600}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={{ scope: canDirect ? 'within' : 'across' }}
      submitter={{ searchConfig: { submitText: within ? '确认变更' : '提交市总工会审核' }, submitButtonProps: { disabled: within && !canDirect } }}
      onFinish={async (v) => {
        setError(null);
        try {
          if (within) {
            await orgLifecycleApi.changeAffiliation(org.id, { targetParentId: v.targetParentId, note: v.note });
            message.success('隶属关系已变更');
          } else {
            const file = files[0]?.originFileObj;
            if (!file) {
              setError('请上传加盖单位工会公章并由经办人签字的情况说明');
              return false;
            }
            await orgLifecycleApi.requestAffiliation(org.id, { targetParentId: v.targetParentId, note: v.note }, file);
            message.success('已提交，等待济南市总工会审核');
          }
          onSubmitted();
          return true;
        } catch (e) {
          setError(applyFormError(form, e));
          return false;
        }
      }}
    >
      <ProFormRadio.Group
        name="scope"
        label="变更范围"
        options={[
          { label: '本区县内', value: 'within' },
          { label: '跨区（县）', value: 'across' },
        ]}
        fieldProps={{ onChange: () => form.setFieldsValue({ districtId: undefined, targetParentId: undefined }) }}
      />
      {within && !canDirect && <Alert type="info" showIcon message="本区县内变更隶属关系由区(县)总工会直接办理，请联系所属区(县)总工会。" style={{ marginBottom: 16 }} />}
      {!within && (
        <>
          <Alert type="info" showIcon message="跨区变更隶属需上传情况说明（加盖单位工会公章并由经办人签字），由市总工会审核通过后生效。" style={{ marginBottom: 16 }} />
          <ProFormSelect
            name="districtId"
            label="变更后所属区总工会（产业工会）"
            options={dir.districts.filter((d) => d.id !== own).map((d) => ({ label: d.name, value: d.id }))}
            rules={[{ required: true, message: '请选择区总工会' }]}
            fieldProps={{ loading: dir.loading, onChange: () => form.setFieldValue('targetParentId', undefined) }}
          />
        </>
      )}
      <ProFormSelect
        name="targetParentId"
        label="变更后隶属的街镇（开发区）工会"
        options={targets.map((d) => ({ label: d.name, value: d.id }))}
        rules={[{ required: true, message: '请选择变更后隶属的工会' }]}
        fieldProps={{ disabled: within ? !canDirect : !districtId }}
      />
      {!within && (
        <Form.Item label="情况说明" required extra={`PDF、JPG、PNG 或 Word（.docx），不超过 ${MAX_AFFILIATION_FILE_BYTES / 1024 / 1024} MB`}>
          <Upload accept=".pdf,.jpg,.jpeg,.png,.docx" maxCount={1} fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(-1))}>
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
      )}
      <ProFormTextArea name="note" label="说明" fieldProps={{ maxLength: 200, showCount: true, rows: 2 }} />
      <FormAlert message={error} />
    </ModalForm>
  );
}
