import { ProFormDatePicker, ProFormDigit, ProFormRadio, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import type { FormInstance } from 'antd';
import { economicTypes, industries, unitNatures, workUnitFieldsSchema } from '@gonghui/contracts';
import { zodRule } from '../../utils/rules';
import { yesNoOptions } from './org-form-fields';

const rule = (field: keyof typeof workUnitFieldsSchema.shape) =>
  zodRule(workUnitFieldsSchema.shape[field], { emptyAsUndefined: true });
const options = (list: readonly string[]) => list.map((v) => ({ label: v, value: v }));

/** Work unit (单位/关联企业) fields: seed 001 fig. 20 and the seed 002 filing form. */
export function WorkUnitFields() {
  return (
    <>
      <ProFormText name="name" label="单位名称" rules={[{ required: true, message: '请填写单位名称' }, rule('name')]} fieldProps={{ maxLength: 100 }} />
      <ProFormText name="uscc" label="统一社会信用代码" rules={[rule('uscc')]} extra="18位，如 91370100MA3C5XXXXX" fieldProps={{ maxLength: 30 }} />
      <ProFormText name="orgCode" label="组织机构代码" rules={[rule('orgCode')]} width="md" fieldProps={{ maxLength: 20 }} />
      <ProFormSelect name="nature" label="单位性质类别" width="md" rules={[{ required: true, message: '请选择单位性质类别' }]} options={options(unitNatures)} />
      <ProFormSelect name="economicType" label="经济类型" width="md" rules={[{ required: true, message: '请选择经济类型' }]} options={options(economicTypes)} showSearch />
      <ProFormSelect name="industry" label="所属行业" rules={[]} options={options(industries)} showSearch fieldProps={{ allowClear: true }} />
      <ProFormText name="chairName" label="负责人" width="md" rules={[rule('chairName')]} fieldProps={{ maxLength: 32 }} />
      <ProFormText name="phone" label="联系电话" width="md" rules={[rule('phone')]} extra="手机号或带区号的固定电话" fieldProps={{ maxLength: 30 }} />
      <ProFormTextArea name="address" label="地址" rules={[rule('address')]} fieldProps={{ maxLength: 200, rows: 2 }} />
      <ProFormRadio.Group name="collectiveBargaining" label="是否开展工资集体协商" options={yesNoOptions} />
      <ProFormDatePicker name="contractExpiresOn" label="集体合同到期日" width="md" />
      <ProFormDigit name="headcount" label="职工人数" width="sm" min={0} max={10_000_000} fieldProps={{ precision: 0 }} />
      <ProFormDigit
        name="migrantHeadcount"
        label="农民工人数"
        width="sm"
        min={0}
        max={10_000_000}
        fieldProps={{ precision: 0 }}
        dependencies={['headcount']}
        rules={[
          ({ getFieldValue }: FormInstance) => ({
            validator: async (_: unknown, value: number | null | undefined) => {
              const total = getFieldValue('headcount') as number | null | undefined;
              if (value != null && total != null && value > total) throw new Error('农民工人数不能超过职工人数');
            },
          }),
        ]}
      />
      <ProFormTextArea name="remark" label="备注" rules={[rule('remark')]} fieldProps={{ maxLength: 500, rows: 2 }} />
    </>
  );
}
