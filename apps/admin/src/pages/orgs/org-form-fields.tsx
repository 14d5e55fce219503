import { ProFormDatePicker, ProFormDigit, ProFormRadio, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { baseUnionTypeLabels, baseUnionTypes, isBaseUnionKind, orgFieldsSchema, type OrgKind } from '@gonghui/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { zodRule } from '../../utils/rules';

const rule = (field: keyof typeof orgFieldsSchema.shape) => zodRule(orgFieldsSchema.shape[field], { emptyAsUndefined: true });

export const yesNoOptions = [
  { label: '是', value: true },
  { label: '否', value: false },
];

interface Props {
  kind: OrgKind | undefined;
  /** Creating: an empty code means the server generates a virtual one. */
  mode: 'create' | 'edit';
  orgCodeVirtual?: boolean;
  /** Leave out the codes (a modification reviewed by the upper union does not change them). */
  hideCodes?: boolean;
}

/** The union's own fields (seed 002 filing form), labelled as on the paper form. */
export function OrgFormFields({ kind, mode, orgCodeVirtual, hideCodes }: Props) {
  const isBase = !!kind && isBaseUnionKind(kind);
  const codeHelp =
    mode === 'create'
      ? '9位组织机构代码（如 12345678-9）；不填则由系统自动生成虚拟代码'
      : orgCodeVirtual
        ? '当前使用系统生成的虚拟代码；取得真实的9位组织机构代码后在此填写，不填则保留虚拟代码'
        : '9位组织机构代码（如 12345678-9）';
  return (
    <>
      <ProFormText name="name" label="工会名称" rules={[{ required: true, message: '请填写工会名称' }, rule('name')]} fieldProps={{ maxLength: 100, showCount: true }} />
      {!hideCodes && (
        <>
          <ProFormText name="orgCode" label="组织机构代码" rules={[rule('orgCode')]} extra={codeHelp} fieldProps={{ maxLength: 20 }} />
          <ProFormText name="uscc" label="统一社会信用代码" rules={[rule('uscc')]} extra="18位，如 91370100MA3C5XXXXX；可不填" fieldProps={{ maxLength: 30 }} />
        </>
      )}
      <ProFormDatePicker
        name="foundedOn"
        label="建会日期"
        width="md"
        fieldProps={{ disabledDate: (d: Dayjs) => d.isAfter(dayjs(), 'day') }}
      />
      {isBase && (
        <ProFormSelect
          name="baseUnionType"
          label="基层工会类型"
          width="md"
          options={baseUnionTypes.map((t) => ({ label: baseUnionTypeLabels[t], value: t }))}
        />
      )}
      <ProFormDatePicker name="termRenewalOn" label="换届日期" width="md" />
      <ProFormText name="chairName" label="工会负责人" width="md" rules={[rule('chairName')]} fieldProps={{ maxLength: 32 }} />
      <ProFormText
        name="phone"
        label="联系电话"
        width="md"
        rules={[rule('phone')]}
        extra="手机号或带区号的固定电话，如 0531-81285015"
        fieldProps={{ maxLength: 30 }}
      />
      <ProFormDigit name="headcount" label="职工人数" width="sm" min={0} max={10_000_000} fieldProps={{ precision: 0 }} />
      <ProFormRadio.Group name="mergedUnion" label="是否合并工会" options={yesNoOptions} />
      <ProFormTextArea name="address" label="地址" rules={[rule('address')]} fieldProps={{ maxLength: 200, showCount: true, rows: 2 }} />
    </>
  );
}
