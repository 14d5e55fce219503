import {
  ProFormDatePicker,
  ProFormDependency,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Col, Form, Input, Row, type FormInstance, type FormRule } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import {
  chinaToday,
  checkIdNumber,
  educations,
  householdTypeLabels,
  householdTypes,
  idTypeLabels,
  idTypes,
  sexLabels,
  skillLevels,
  updateMemberBodySchema,
  type IdType,
  type MemberDetail,
} from '@gonghui/contracts';
import { orgsApi } from '../../api/orgs';
import { zodRule } from '../../utils/rules';
import { yesNoOptions } from '../orgs/org-form-fields';
import { documentFacts, storedDocumentEncodesFacts } from './member-utils';

const rule = (field: keyof typeof updateMemberBodySchema.shape) => zodRule(updateMemberBodySchema.shape[field], { emptyAsUndefined: true });

const afterToday = (d: Dayjs) => d.format('YYYY-MM-DD') > chinaToday();

export const sexOptions = (Object.keys(sexLabels) as (keyof typeof sexLabels)[]).map((s) => ({ label: sexLabels[s], value: s }));

/** The document number checked by its type's rule, as the server checks it. */
const idNumberRule: (form: FormInstance) => FormRule = (form) => ({
  validator: async (_rule, value: unknown) => {
    if (value === undefined || value === null || String(value).trim() === '') throw new Error('请填写证件号码');
    const r = checkIdNumber(String(value), (form.getFieldValue('idType') as IdType | undefined) ?? 'resident_id');
    if (!r.ok) throw new Error(r.reason);
  },
});

/**
 * Fields checked on blur (a half-typed number is not yet wrong) are checked again on every change
 * once they show an error, so the message goes away as soon as the input is right.
 */
function recheckIfErrored(form: FormInstance, name: string) {
  return () => {
    if (form.getFieldError(name).length > 0) void form.validateFields([name]).catch(() => undefined);
  };
}

/** Sex and birth date shown from the document number, not asked for. */
function DerivedFacts({ sex, birthDate }: { sex?: 'male' | 'female'; birthDate?: string }) {
  const pending = '输入正确的证件号码后自动显示';
  return (
    <>
      <Col xs={24} sm={12}>
        <Form.Item label="性别" extra={sex ? '由证件号码自动识别' : undefined}>
          <Input readOnly variant="filled" value={sex ? sexLabels[sex] : ''} placeholder={pending} data-testid="derived-sex" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="出生日期" extra={birthDate ? '由证件号码自动识别' : undefined}>
          <Input readOnly variant="filled" value={birthDate ?? ''} placeholder={pending} data-testid="derived-birth-date" />
        </Form.Item>
      </Col>
    </>
  );
}

/** Sex and birth date for documents that do not encode them. */
function FactFields() {
  return (
    <>
      <Col xs={24} sm={12}>
        <ProFormRadio.Group name="sex" label="性别" options={sexOptions} rules={[{ required: true, message: '请选择性别' }]} />
      </Col>
      <Col xs={24} sm={12}>
        <ProFormDatePicker
          name="birthDate"
          label="出生日期"
          rules={[{ required: true, message: '请选择出生日期' }]}
          fieldProps={{ style: { width: '100%' }, disabledDate: afterToday, placeholder: '请选择出生日期' }}
        />
      </Col>
    </>
  );
}

interface Props {
  form: FormInstance;
  /** The union whose work units the 所在单位 select offers. */
  orgId: string;
  /** Editing: the member as loaded (the document cannot change); absent when adding one. */
  member?: MemberDetail;
}

/** The member form (seeds 001/002: 新增会员), two columns, labelled as on the paper form. */
export function MemberFormFields({ form, orgId, member }: Props) {
  const units = useQuery({ queryKey: ['org', orgId, 'work-units'], queryFn: () => orgsApi.workUnits(orgId) });
  const unitOptions = (units.data ?? []).map((u) => ({ label: u.name, value: u.id }));

  return (
    <Row gutter={16}>
      {member ? (
        <>
          <Col xs={24} sm={12}>
            <Form.Item label="证件类型">
              <Input readOnly variant="filled" value={idTypeLabels[member.idType]} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="证件号码" extra="证件类型和证件号码不能修改">
              <Input readOnly variant="filled" className="mono" value={member.idNumberMasked} />
            </Form.Item>
          </Col>
        </>
      ) : (
        <>
          <Col xs={24} sm={12}>
            <ProFormSelect
              name="idType"
              label="证件类型"
              allowClear={false}
              rules={[{ required: true, message: '请选择证件类型' }]}
              options={idTypes.map((t) => ({ label: idTypeLabels[t], value: t }))}
              fieldProps={{
                onChange: () => {
                  if (form.getFieldValue('idNumber')) void form.validateFields(['idNumber']).catch(() => undefined);
                },
              }}
            />
          </Col>
          <Col xs={24} sm={12}>
            <ProFormText
              name="idNumber"
              label="证件号码"
              required
              validateTrigger="onBlur"
              rules={[idNumberRule(form)]}
              fieldProps={{ maxLength: 64, autoComplete: 'off', className: 'mono', onChange: recheckIfErrored(form, 'idNumber') }}
              placeholder="请输入证件号码"
            />
          </Col>
        </>
      )}
      <Col xs={24} sm={12}>
        <ProFormText name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, rule('name')]} fieldProps={{ maxLength: 50 }} placeholder="请输入姓名" />
      </Col>
      <Col xs={24} sm={12}>
        <ProFormText
          name="phone"
          label="移动电话"
          validateTrigger="onBlur"
          rules={[rule('phone')]}
          placeholder={member?.phoneMasked ? `原号码 ${member.phoneMasked}，不修改请留空` : '请输入11位手机号'}
          fieldProps={{ maxLength: 20, autoComplete: 'off', onChange: recheckIfErrored(form, 'phone') }}
        />
      </Col>
      {member ? (
        storedDocumentEncodesFacts(member.idType, member.idNumberMasked) ? (
          <DerivedFacts sex={member.sex} birthDate={member.birthDate} />
        ) : (
          <FactFields />
        )
      ) : (
        <ProFormDependency name={['idType', 'idNumber']}>
          {({ idType, idNumber }) => {
            const facts = documentFacts(idType as IdType | undefined, idNumber as string | undefined);
            return facts.derived ? <DerivedFacts sex={facts.sex} birthDate={facts.birthDate} /> : <FactFields />;
          }}
        </ProFormDependency>
      )}
      <Col xs={24} sm={12}>
        <ProFormSelect name="education" label="学历" options={educations.map((e) => ({ label: e, value: e }))} placeholder="请选择学历" />
      </Col>
      <Col xs={24} sm={12}>
        <ProFormSelect
          name="householdType"
          label="户籍类型"
          options={householdTypes.map((h) => ({ label: householdTypeLabels[h], value: h }))}
          placeholder="请选择户籍类型"
        />
      </Col>
      <Col xs={24} sm={12}>
        <ProFormRadio.Group name="migrantWorker" label="是否农民工" options={yesNoOptions} />
      </Col>
      <Col xs={24} sm={12}>
        <ProFormSelect name="skillLevel" label="技术等级" options={skillLevels.map((s) => ({ label: s, value: s }))} placeholder="请选择技术等级" />
      </Col>
      <Col span={24}>
        <ProFormText name="address" label="联系地址" rules={[rule('address')]} fieldProps={{ maxLength: 100, showCount: true }} placeholder="请输入联系地址" />
      </Col>
      <Col xs={24} sm={12}>
        <ProFormDatePicker name="idExpiresOn" label="证件到期日" fieldProps={{ style: { width: '100%' }, placeholder: '长期有效可不填' }} />
      </Col>
      <Col xs={24} sm={12}>
        <ProFormText name="unionPost" label="工会职务" rules={[rule('unionPost')]} fieldProps={{ maxLength: 50 }} placeholder="如：会员、工会委员" />
      </Col>
      <Col xs={24} sm={12}>
        <ProFormSelect
          name="workUnitId"
          label="所在单位"
          options={unitOptions}
          placeholder={units.isLoading ? '正在加载单位…' : '请选择所在单位'}
          fieldProps={{
            loading: units.isLoading,
            showSearch: true,
            optionFilterProp: 'label',
            notFoundContent: units.isLoading ? '正在加载…' : units.error ? (units.error as Error).message : '本工会暂无单位信息',
          }}
        />
      </Col>
      <Col xs={24} sm={12}>
        <ProFormDatePicker
          name="joinedOn"
          label="入会日期"
          extra={member ? undefined : '不填则为今天'}
          fieldProps={{ style: { width: '100%' }, disabledDate: afterToday, placeholder: '请选择入会日期' }}
        />
      </Col>
      <Col span={24}>
        <ProFormTextArea name="remark" label="备注" rules={[rule('remark')]} fieldProps={{ maxLength: 500, showCount: true, rows: 2 }} placeholder="选填" />
      </Col>
    </Row>
  );
}
