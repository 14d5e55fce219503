import { ModalForm, ProFormDatePicker, ProFormDigit, ProFormRadio } from '@ant-design/pro-components';
import { Alert, Button, Form } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { chinaToday, inspectionKindLabels, inspectionKinds, openInspectionBodySchema } from '@gonghui/contracts';
import { inspectionsApi, type InspectionRow } from '../../api/inspections';
import { FormAlert } from '../../components/form-alert';
import { applyFormError } from '../../utils/form-errors';

interface Values {
  year?: number;
  kind?: InspectionRow['kind'];
  deadline?: string | Dayjs;
}

const beforeToday = (d: Dayjs) => d.format('YYYY-MM-DD') < chinaToday();
const toIsoDate = (v: Values['deadline']) => (v ? (typeof v === 'string' ? v : dayjs(v).format('YYYY-MM-DD')) : '');

/** "开启年检" (city federation only): year, kind and deadline; the whole city is notified. */
export function OpenInspectionModal({ onOpened }: { onOpened: (row: InspectionRow) => void }) {
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const thisYear = Number(chinaToday().slice(0, 4));

  return (
    <ModalForm<Values>
      title="开启年检"
      form={form}
      name="open-inspection"
      width={520}
      layout="vertical"
      trigger={
        <Button type="primary" icon={<PlusOutlined />}>
          开启年检
        </Button>
      }
      initialValues={{ year: thisYear, kind: 'org' }}
      modalProps={{ destroyOnHidden: true, maskClosable: false, onCancel: () => setFormError(null) }}
      submitter={{ searchConfig: { submitText: '开启', resetText: '取消' } }}
      onFinish={async (values) => {
        setFormError(null);
        const parsed = openInspectionBodySchema.safeParse({ ...values, deadline: toIsoDate(values.deadline) });
        if (!parsed.success) {
          const onFields = parsed.error.issues.filter((i) => i.path.length > 0);
          form.setFields(onFields.map((i) => ({ name: String(i.path[0]) as keyof Values, errors: [i.message] })));
          if (onFields.length < parsed.error.issues.length) setFormError(parsed.error.issues.find((i) => i.path.length === 0)!.message);
          return false;
        }
        try {
          const row = await inspectionsApi.open(parsed.data);
          onOpened(row);
          return true;
        } catch (error) {
          setFormError(applyFormError(form, error));
          return false;
        }
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="年检开启后，全市各级工会均可看到"
        description="各基层工会须在截止日期前核对并更新本单位的组织或会员信息，然后确认“已完成更新”；上级工会可查看进度并催办。同一年度的同一类年检只能开启一次。"
      />
      <FormAlert message={formError} />
      <ProFormDigit
        name="year"
        label="年度"
        width="sm"
        min={2000}
        max={2100}
        fieldProps={{ precision: 0 }}
        rules={[{ required: true, message: '请填写年度' }]}
      />
      <ProFormRadio.Group
        name="kind"
        label="年检类型"
        rules={[{ required: true, message: '请选择年检类型' }]}
        options={inspectionKinds.map((k) => ({ label: inspectionKindLabels[k], value: k }))}
      />
      <ProFormDatePicker
        name="deadline"
        label="截止日期"
        width="md"
        rules={[{ required: true, message: '请选择截止日期' }]}
        fieldProps={{ disabledDate: beforeToday }}
        extra="不能早于今天"
      />
    </ModalForm>
  );
}
