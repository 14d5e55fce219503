import { ModalForm, ProFormDateRangePicker, ProFormDigit, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, Form, type ButtonProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { fenToYuan, yuanToFen, type MutualAidPlan } from '@gonghui/contracts';
import { mutualAidApi } from '../../api/mutual-aid';
import { FormAlert } from '../../components/form-alert';
import { applyFormError } from '../../utils/form-errors';
import { requiredRule } from '../../utils/rules';

interface Values {
  year: number;
  title: string;
  coverage: string;
  contributionYuan: number;
  window: [string, string];
}

interface Props {
  plan?: MutualAidPlan;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (plan: MutualAidPlan) => void;
}

/** 发布 / 修改年度计划: amounts are typed in 元 and kept in 分. Mounted afresh per opening. */
export function PlanFormModal({ plan, open, onOpenChange, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const next = dayjs().year() + (dayjs().month() >= 9 ? 1 : 0);
  const locked = !!plan && plan.enrolmentCount > 0;
  return (
    <ModalForm<Values>
      title={plan ? `修改${plan.year}年度计划` : '发布年度计划'}
      form={form}
      name="mutual-aid-plan"
      width={600}
      layout="vertical"
      open={open}
      onOpenChange={onOpenChange}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={
        plan
          ? { year: plan.year, title: plan.title, coverage: plan.coverage, contributionYuan: fenToYuan(plan.contributionFen), window: [plan.enrolFrom, plan.enrolTo] }
          : { year: next, title: `${next}年度济南市职工互助保障计划`, window: [`${next}-01-01`, `${next}-03-31`] }
      }
      submitter={{ searchConfig: { submitText: plan ? '保存' : '发布', resetText: '取消' }, submitButtonProps: { 'data-testid': 'plan-save' } as ButtonProps }}
      onFinish={async (v) => {
        setFormError(null);
        const body = {
          year: v.year,
          title: v.title,
          coverage: v.coverage,
          contributionFen: yuanToFen(v.contributionYuan),
          enrolFrom: dayjs(v.window[0]).format('YYYY-MM-DD'),
          enrolTo: dayjs(v.window[1]).format('YYYY-MM-DD'),
        };
        try {
          onSaved(plan ? await mutualAidApi.updatePlan(plan.id, { ...body, version: plan.version }) : await mutualAidApi.createPlan(body));
          return true;
        } catch (e) {
          setFormError(applyFormError(form, e, { aliases: { contributionFen: 'contributionYuan', enrolFrom: 'window', enrolTo: 'window' } }));
          return false;
        }
      }}
    >
      {locked && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`已有 ${plan!.enrolmentCount} 份入会申请按此计划提交，年度和每人缴费不能再修改。`} />}
      <FormAlert message={formError} />
      <ProFormDigit name="year" label="保障年度" min={2020} max={2100} fieldProps={{ precision: 0 }} disabled={locked} rules={[{ required: true, message: '请填写年度' }]} />
      <ProFormText name="title" label="计划名称" rules={[requiredRule('请填写计划名称')]} fieldProps={{ maxLength: 60 }} />
      <ProFormTextArea name="coverage" label="保障内容" rules={[requiredRule('请填写保障内容')]} fieldProps={{ maxLength: 500, showCount: true, rows: 3 }} />
      <ProFormDigit
        name="contributionYuan"
        label="每人缴费（元）"
        min={0.01}
        max={10000}
        disabled={locked}
        fieldProps={{ precision: 2 }}
        rules={[{ required: true, message: '请填写每人缴费金额' }]}
      />
      <ProFormDateRangePicker name="window" label="单位入会开放时间" rules={[{ required: true, message: '请选择开放时间' }]} fieldProps={{ style: { width: '100%' } }} />
    </ModalForm>
  );
}
