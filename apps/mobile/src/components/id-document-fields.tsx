import { Form, Input, Picker } from 'antd-mobile';
import type { FormInstance } from 'antd-mobile/es/components/form';
import { idTypeLabels, idTypes, type IdType } from '@gonghui/contracts';

/** What each document's number looks like, as a placeholder the member can match against the card. */
const placeholders: Record<IdType, string> = {
  resident_id: '18位居民身份证号码',
  hmt_residence_permit: '18位居住证号码（810000/820000/830000开头）',
  foreign_permanent_id: '18位（9开头）或15位永久居留证号码',
  passport: '护照号码，5–20位字母和数字',
  hk_macau_permit: '通行证号码，如 H12345678',
  taiwan_permit: '通行证号码，8位数字',
};

const columns = [idTypes.map((t) => ({ label: idTypeLabels[t], value: t }))];

/** The form's document type as the server wants it (the picker holds an array). */
export const pickedIdType = (v: IdType[] | undefined): IdType => v?.[0] ?? 'resident_id';

/**
 * 证件类型 and 证件号码, for every form where members name themselves: 居民身份证 by default,
 * and the other five documents the registry accepts (港澳台居民, foreigners, passports).
 * The form holds `idType` as a one-element array (the picker's value) and `idNumber`.
 */
export function IdDocumentFields({ form }: { form: FormInstance }) {
  // antd-mobile's FormInstance type lacks members its own useWatch asks for; the object is the same.
  const picked = pickedIdType(Form.useWatch('idType', form as Parameters<typeof Form.useWatch>[1]));
  return (
    <>
      <Form.Item name="idType" label="证件类型" trigger="onConfirm" initialValue={['resident_id']} onClick={(_e, ref) => ref.current?.open()} data-testid="id-type">
        <Picker columns={columns} title="选择证件类型" confirmText="确定" cancelText="取消">
          {(items) => items[0]?.label ?? idTypeLabels.resident_id}
        </Picker>
      </Form.Item>
      <Form.Item name="idNumber" label={picked === 'resident_id' ? '身份证号' : '证件号码'}>
        <Input placeholder={placeholders[picked]} maxLength={picked === 'resident_id' ? 18 : 30} autoComplete="off" clearable />
      </Form.Item>
    </>
  );
}
